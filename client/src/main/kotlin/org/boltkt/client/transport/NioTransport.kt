package org.boltkt.client.transport

import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.delay
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.isActive
import kotlinx.coroutines.suspendCancellableCoroutine
import java.io.IOException
import java.net.InetSocketAddress
import java.net.SocketOption
import java.nio.ByteBuffer
import java.nio.channels.AsynchronousSocketChannel
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean

/**
 * [Transport] over a connected [AsynchronousSocketChannel]; see [Transport] for the contract. Each operation is
 * one channel call whose completion resumes the suspended coroutine through [ContinuationHandler].
 */
internal class NioTransport(
    private val channel: AsynchronousSocketChannel,
    override val remoteAddress: InetSocketAddress,
) : Transport, SocketOptionSource {
    private val closed = AtomicBoolean(false)

    @Volatile
    private var endOfStream = false

    override val isOpen: Boolean get() = !closed.get()

    override suspend fun read(into: ByteBuffer): Int {
        ensureOpen()
        if (endOfStream) return -1
        if (!into.hasRemaining()) return 0
        val n = io("read") { cont: CancellableContinuation<Int> ->
            channel.read(into, NO_TIMEOUT, TimeUnit.MILLISECONDS, cont, ContinuationHandler.typed())
        }
        if (n < 0) endOfStream = true
        return n
    }

    override suspend fun writeFully(from: ByteBuffer) {
        ensureOpen()
        if (!currentCoroutineContext().isActive) {
            close()
            currentCoroutineContext().ensureActive()
        }
        while (from.hasRemaining()) {
            if (from.remaining() <= INLINE_WRITE_MAX) {
                writeInline(from)
            } else {
                io("write") { cont: CancellableContinuation<Int> ->
                    channel.write(from, NO_TIMEOUT, TimeUnit.MILLISECONDS, cont, ContinuationHandler.typed())
                }
            }
        }
    }

    /**
     * One write through the channel's Future variant. Why not the handler variant here: when the JDK completes a
     * handler-based write inline (the usual case, the socket buffer has room) and the caller is not a channel-group
     * thread, it still runs the handler on a group thread, which then resumes the coroutine on its dispatcher: two
     * thread hops per request for a write that was already done (traced with strace on the P1 benchmark). A Future
     * completed inline costs nothing. When the socket buffer is full (the server is not reading) the Future is
     * pending and is polled with a growing delay, up to [SLOW_WRITE_MAX_POLL]: a wait the server imposes anyway, and
     * no thread is blocked. Large buffers, which are likely to fill the socket buffer, use the handler variant.
     */
    private suspend fun writeInline(from: ByteBuffer) {
        val pending = try {
            channel.write(from)
        } catch (e: Throwable) {
            throw failure("write", e)
        }
        var poll = 1L
        while (!pending.isDone) {
            try {
                delay(poll)
            } catch (e: CancellationException) {
                close()
                throw e
            }
            poll = minOf(poll * 2, SLOW_WRITE_MAX_POLL)
        }
        try {
            pending.get()
        } catch (e: ExecutionException) {
            throw failure("write", e.cause ?: e)
        }
    }

    override suspend fun writeFully(from: Array<out ByteBuffer>) {
        ensureOpen()
        var first = 0
        while (true) {
            while (first < from.size && !from[first].hasRemaining()) first++
            if (first == from.size) return
            val offset = first
            io("write") { cont: CancellableContinuation<Long> ->
                channel.write(
                    from, offset, from.size - offset, NO_TIMEOUT, TimeUnit.MILLISECONDS, cont,
                    ContinuationHandler.typed(),
                )
            }
        }
    }

    override fun close() {
        if (!closed.compareAndSet(false, true)) return
        try {
            channel.close()
        } catch (_: IOException) {
            // Nothing useful to do: the descriptor is released either way.
        }
    }

    override fun <T> socketOption(option: SocketOption<T>): T = channel.getOption(option)

    override fun toString(): String = "NioTransport(${if (isOpen) "open" else "closed"}, $remoteAddress)"

    private fun ensureOpen() {
        if (closed.get()) throw TransportClosedException(remoteAddress)
    }

    /** Runs one channel operation; cancellation closes the transport, failures close it and are mapped. */
    private suspend inline fun <V> io(
        operation: String,
        crossinline start: (CancellableContinuation<V>) -> Unit,
    ): V = try {
        suspendCancellableCoroutine { cont ->
            cont.invokeOnCancellation { close() }
            start(cont)
        }
    } catch (e: CancellationException) {
        close()
        throw e
    } catch (e: Throwable) {
        throw failure(operation, e)
    }

    /** Closes the transport and maps a channel failure to the [Transport] contract's exceptions. */
    private fun failure(operation: String, e: Throwable): Throwable {
        val closedBefore = closed.get()
        close()
        return when {
            closedBefore -> TransportClosedException(remoteAddress, e)
            e is IOException -> TransportIoException(remoteAddress, operation, e)
            else -> e // ReadPendingException/WritePendingException: a caller broke the one-at-a-time rule.
        }
    }

    private companion object {
        /** Channel operations are bounded by cancellation, not by a channel timeout. */
        const val NO_TIMEOUT = 0L

        /** Writes up to this size go through [writeInline]; one RUN with its parameters and PULL is far below it. */
        const val INLINE_WRITE_MAX = 64 * 1024

        /** Longest pause, in milliseconds, between two looks at a write the full socket buffer holds back. */
        const val SLOW_WRITE_MAX_POLL = 16L
    }
}

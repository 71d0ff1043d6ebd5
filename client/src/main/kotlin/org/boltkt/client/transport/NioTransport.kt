package org.boltkt.client.transport

import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.suspendCancellableCoroutine
import java.io.IOException
import java.net.InetSocketAddress
import java.net.SocketOption
import java.nio.ByteBuffer
import java.nio.channels.AsynchronousSocketChannel
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
        while (from.hasRemaining()) {
            io("write") { cont: CancellableContinuation<Int> ->
                channel.write(from, NO_TIMEOUT, TimeUnit.MILLISECONDS, cont, ContinuationHandler.typed())
            }
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
        val closedBefore = closed.get()
        close()
        throw when {
            closedBefore -> TransportClosedException(remoteAddress, e)
            e is IOException -> TransportIoException(remoteAddress, operation, e)
            else -> e // ReadPendingException/WritePendingException: a caller broke the one-at-a-time rule.
        }
    }

    private companion object {
        /** Channel operations are bounded by cancellation, not by a channel timeout. */
        const val NO_TIMEOUT = 0L
    }
}

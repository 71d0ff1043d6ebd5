package org.boltkt.client.transport

import io.ktor.network.selector.Selectable
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.readAvailable
import io.ktor.utils.io.writeFully
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.isActive
import java.io.IOException
import java.net.InetSocketAddress
import java.net.SocketOption
import java.nio.channels.NetworkChannel
import java.util.concurrent.atomic.AtomicBoolean
import java.nio.ByteBuffer

/**
 * [Transport] over a connected ktor-network [Socket] and its byte channels; see [Transport] for the contract.
 *
 * ktor reports a socket closed under a pending read either as end of stream or as a cancellation of its
 * channel; both are turned into [TransportClosedException] when this transport was closed, so callers see one
 * behaviour for both kinds.
 */
internal class KtorTransport(
    private val socket: Socket,
    override val remoteAddress: InetSocketAddress,
) : Transport, SocketOptionSource {
    private val input = socket.openReadChannel()
    private val output = socket.openWriteChannel(autoFlush = false)
    private val closed = AtomicBoolean(false)

    override val isOpen: Boolean get() = !closed.get()

    override suspend fun read(into: ByteBuffer): Int {
        ensureOpen()
        if (!into.hasRemaining()) return 0
        val n = io("read") { input.readAvailable(into) }
        if (n < 0 && closed.get()) throw TransportClosedException(remoteAddress)
        return n
    }

    override suspend fun writeFully(from: ByteBuffer) {
        ensureOpen()
        io("write") { writeChunked(from) }
    }

    override suspend fun writeFully(from: Array<out ByteBuffer>) {
        ensureOpen()
        io("write") { for (buffer in from) writeChunked(buffer) }
    }

    /**
     * ktor's channel takes a whole buffer into memory however large and [flush][io.ktor.utils.io.ByteWriteChannel.flush]
     * only waits while more than its limit is pending, so a big buffer is handed over in slices of [MAX_SLICE] with
     * a flush after each: memory stays bounded and a peer that stops reading suspends the writer.
     */
    private suspend fun writeChunked(from: ByteBuffer) {
        while (from.hasRemaining()) {
            val slice = from.slice()
            if (slice.remaining() > MAX_SLICE) slice.limit(MAX_SLICE)
            val n = slice.remaining()
            output.writeFully(slice)
            from.position(from.position() + n)
            output.flush()
        }
    }

    override fun close() {
        if (!closed.compareAndSet(false, true)) return
        val cause = TransportClosedException(remoteAddress)
        input.cancel(cause)
        output.cancel(cause)
        try {
            socket.close()
        } catch (_: IOException) {
            // released either way
        }
    }

    override fun <T> socketOption(option: SocketOption<T>): T =
        ((socket as Selectable).channel as NetworkChannel).getOption(option)

    override fun toString(): String = "KtorTransport(${if (isOpen) "open" else "closed"}, $remoteAddress)"

    private fun ensureOpen() {
        if (closed.get()) throw TransportClosedException(remoteAddress)
    }

    /**
     * Runs one channel operation. Our own cancellation closes the transport and is rethrown; a cancellation coming
     * from ktor's channel (the socket was closed under it) is a failure like any other. Failures close the
     * transport and are mapped.
     */
    private suspend inline fun <V> io(operation: String, block: () -> V): V = try {
        // ktor takes a write into its buffer without looking at our job: an already-cancelled caller must not send.
        currentCoroutineContext().ensureActive()
        block()
    } catch (e: Throwable) {
        if (e is CancellationException && !currentCoroutineContext().isActive) {
            close()
            throw e
        }
        val closedBefore = closed.get()
        close()
        throw when {
            closedBefore -> TransportClosedException(remoteAddress, e)
            e is IOException || e is CancellationException -> TransportIoException(remoteAddress, operation, e)
            else -> e
        }
    }

    private companion object {
        const val MAX_SLICE = 64 * 1024
    }
}

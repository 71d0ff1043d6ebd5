package org.boltkt.client.transport

import java.net.InetSocketAddress
import java.nio.ByteBuffer

/**
 * One connected byte stream to a server: suspend reads and writes, and a close that never suspends.
 *
 * **Threading.** A transport is not thread-safe for concurrent reads or for concurrent writes: at most one
 * [read] and at most one [writeFully] may be in flight at a time (one of each may run concurrently, from different
 * coroutines). [close] and [isOpen] may be called from any thread at any time.
 *
 * **Cancellation closes the transport.** A read or write cancelled mid-flight leaves the stream in an unknown
 * state (some bytes may have been consumed or sent), so cancelling a coroutine suspended in [read] or [writeFully]
 * closes the transport and the call ends with the [kotlinx.coroutines.CancellationException]. This holds even when
 * the coroutine was already cancelled before the call started. The buffer passed to a cancelled call may have been
 * partially filled or drained.
 *
 * **Errors.** Using a closed transport throws [TransportClosedException]. An I/O failure (reset by peer, broken
 * pipe, ...) throws [TransportIoException] and closes the transport: after any failure the transport is closed.
 * An end of stream from the peer is not an error: [read] returns -1, then -1 again on every later call, while
 * writes may still succeed (the peer may only have half-closed).
 *
 * Implementations are plain TCP ([TransportKind]); a TLS layer wraps any of them by implementing this interface
 * over another [Transport].
 */
public interface Transport {
    /** The resolved address this transport is connected to. */
    public val remoteAddress: InetSocketAddress

    /** False once [close] was called, by the caller, by a cancellation or after an I/O failure. */
    public val isOpen: Boolean

    /**
     * Reads at least one byte into [into] (from its position up to its limit), suspending until some arrive.
     *
     * @return the number of bytes read (≥ 1); 0 only when [into] has no remaining space; -1 at end of stream, and
     *   -1 on every call after that.
     * @throws TransportClosedException if the transport is closed, or is closed while this read is pending.
     * @throws TransportIoException on an I/O failure (the transport is then closed).
     */
    public suspend fun read(into: ByteBuffer): Int

    /**
     * Writes all remaining bytes of [from], suspending until the transport accepted them all.
     *
     * On return [from] has no remaining bytes. Returning does not mean the peer received them.
     *
     * @throws TransportClosedException if the transport is closed, or is closed while this write is pending.
     * @throws TransportIoException on an I/O failure (the transport is then closed).
     */
    public suspend fun writeFully(from: ByteBuffer)

    /**
     * Writes all remaining bytes of every buffer in [from], in order (a gathering write where the implementation
     * supports one). Same contract as the single-buffer [writeFully].
     */
    public suspend fun writeFully(from: Array<out ByteBuffer>) {
        for (buffer in from) writeFully(buffer)
    }

    /**
     * Closes the connection. Idempotent, never suspends and never throws. A read or write pending on another
     * coroutine is woken with a [TransportClosedException].
     */
    public fun close()
}

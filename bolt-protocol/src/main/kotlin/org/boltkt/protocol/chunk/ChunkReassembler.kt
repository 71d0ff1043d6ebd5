package org.boltkt.protocol.chunk

import org.boltkt.protocol.BoltProtocolException

/**
 * Turns the chunked byte stream coming off a Bolt connection back into whole messages.
 *
 * Feed it slices exactly as they were read, split anywhere (inside a size header, a chunk body or between the two
 * bytes of an end marker). Each complete message is handed to a [MessageSink]; NOOP chunks (`00 00` outside a
 * message, the keep-alive) are skipped. Incomplete input is kept and waits for the next [feed]; it is only an
 * error once the caller declares the stream over with [finish].
 *
 * Allocation: a message that arrives as a single chunk entirely inside one fed slice is delivered as a view of the
 * caller's array, without copying. Other messages are assembled in one internal buffer that is reused between
 * messages; it grows on demand and is released after a message larger than [retainedBufferSize].
 *
 * After any [BoltProtocolException] the reassembler is broken (the stream is out of sync) and every later call
 * throws again. Not thread-safe: one instance belongs to one connection's reading side.
 *
 * @param maxMessageSize largest message accepted, in bytes of message body (headers excluded). A chunk header that
 *   would take the message past it is rejected before any memory is reserved for it.
 * @param retainedBufferSize the internal buffer is kept between messages only while it is at most this large.
 * @throws IllegalArgumentException from the constructor when a limit is not positive.
 */
public class ChunkReassembler(
    public val maxMessageSize: Int = DEFAULT_MAX_MESSAGE_SIZE,
    public val retainedBufferSize: Int = DEFAULT_RETAINED_BUFFER_SIZE,
) {
    init {
        require(maxMessageSize > 0) { "maxMessageSize must be positive: $maxMessageSize" }
        require(retainedBufferSize > 0) { "retainedBufferSize must be positive: $retainedBufferSize" }
    }

    private var buffer: ByteArray = EMPTY
    private var assembled = 0 // message bytes collected so far for the current message
    private var chunkRemaining = 0 // body bytes still to come for the current chunk
    private var pendingHeaderByte = -1 // high byte of a header split across two feeds
    private var consumed = 0L // total bytes seen, for error offsets
    private var broken: BoltProtocolException? = null

    /** True when bytes of an unfinished message or chunk header are being held, waiting for more input. */
    public val hasPartialMessage: Boolean
        get() = assembled > 0 || chunkRemaining > 0 || pendingHeaderByte >= 0

    /**
     * Consumes `input[offset until offset + length]` and calls [sink] for every message it completes, in order.
     * The input array is not retained after this call returns.
     *
     * @throws BoltProtocolException when a chunk would take a message past [maxMessageSize], or when this
     *   reassembler already failed earlier (including a [sink] that threw: its exception propagates unchanged,
     *   the rest of the slice is dropped and the reassembler is broken from then on).
     * @throws IndexOutOfBoundsException when the range is outside [input].
     */
    public fun feed(input: ByteArray, offset: Int = 0, length: Int = input.size - offset, sink: MessageSink) {
        broken?.let { throw it }
        if (offset < 0 || length < 0 || offset > input.size - length) {
            throw IndexOutOfBoundsException("range $offset+$length outside array of ${input.size}")
        }
        var pos = offset
        val end = offset + length
        while (pos < end) {
            if (chunkRemaining > 0) {
                val n = minOf(chunkRemaining, end - pos)
                System.arraycopy(input, pos, buffer, assembled, n)
                assembled += n
                chunkRemaining -= n
                pos += n
                continue
            }
            val size: Int
            if (pendingHeaderByte >= 0) {
                size = (pendingHeaderByte shl 8) or (input[pos].toInt() and 0xFF)
                pendingHeaderByte = -1
                pos += 1
            } else if (end - pos >= 2) {
                size = ((input[pos].toInt() and 0xFF) shl 8) or (input[pos + 1].toInt() and 0xFF)
                pos += 2
            } else {
                pendingHeaderByte = input[pos].toInt() and 0xFF
                pos += 1
                break
            }
            if (size == 0) {
                if (assembled > 0) deliverAssembled(sink) // else: NOOP keep-alive between messages
                continue
            }
            if (size > maxMessageSize - assembled) {
                fail("message exceeds the limit of $maxMessageSize bytes: a chunk of $size after $assembled bytes", (pos - offset - 2).coerceAtLeast(0))
            }
            // Fast path: a whole single-chunk message followed by its end marker is already in the caller's array.
            if (assembled == 0 && end - pos >= size + 2 && input[pos + size].toInt() == 0 && input[pos + size + 1].toInt() == 0) {
                val start = pos
                pos += size + 2
                deliver(sink, input, start, size)
                continue
            }
            ensureCapacity(assembled + size)
            chunkRemaining = size
        }
        consumed += length.toLong()
    }

    /**
     * Declares the input over (the peer closed the connection). Returns normally when nothing is pending.
     *
     * @throws BoltProtocolException when the stream stopped inside a chunk header, a chunk or a message.
     */
    public fun finish() {
        broken?.let { throw it }
        if (hasPartialMessage) {
            fail("input ended inside a message: $assembled bytes assembled, $chunkRemaining chunk bytes missing", -1)
        }
    }

    /** Convenience for tests and cold paths: feeds [input] and returns a copy of every completed message. */
    public fun feedCopies(input: ByteArray, offset: Int = 0, length: Int = input.size - offset): List<ByteArray> {
        val out = ArrayList<ByteArray>(1)
        feed(input, offset, length) { b, o, l -> out.add(b.copyOfRange(o, o + l)) }
        return out
    }

    private fun deliverAssembled(sink: MessageSink) {
        val length = assembled
        val bytes = buffer
        assembled = 0
        // Drop an oversized buffer before the callback so a sink that throws cannot keep it alive through us.
        if (bytes.size > retainedBufferSize) buffer = EMPTY
        deliver(sink, bytes, 0, length)
    }

    private fun ensureCapacity(needed: Int) {
        if (needed <= buffer.size) return
        // Grow geometrically to keep multi-chunk messages linear, but never past what the limit allows.
        val grown = maxOf(needed, minOf(maxMessageSize, maxOf(buffer.size * 2, INITIAL_BUFFER_SIZE)))
        buffer = buffer.copyOf(grown)
    }

    private fun deliver(sink: MessageSink, bytes: ByteArray, offset: Int, length: Int) {
        try {
            sink.onMessage(bytes, offset, length)
        } catch (t: Throwable) {
            // The rest of the slice is dropped with the exception, so the stream can no longer be trusted.
            broken = BoltProtocolException("message sink failed; the rest of the input was not read", cause = t)
            throw t
        }
    }

    private fun fail(reason: String, sliceOffset: Int): Nothing {
        val at = if (sliceOffset >= 0) (consumed + sliceOffset).coerceAtMost(Int.MAX_VALUE.toLong()).toInt() else -1
        val e = BoltProtocolException(reason, at)
        broken = e
        throw e
    }

    public companion object {
        /** Default [maxMessageSize]: 64 MiB, generous for big records yet far below heap exhaustion. */
        public const val DEFAULT_MAX_MESSAGE_SIZE: Int = 64 * 1024 * 1024

        /** Default [retainedBufferSize]: 1 MiB. */
        public const val DEFAULT_RETAINED_BUFFER_SIZE: Int = 1024 * 1024

        private const val INITIAL_BUFFER_SIZE = 8 * 1024
        private val EMPTY = ByteArray(0)
    }
}

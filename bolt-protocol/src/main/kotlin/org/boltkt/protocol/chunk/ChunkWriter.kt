package org.boltkt.protocol.chunk

/**
 * Frames one Bolt message into chunks: each chunk is a big-endian u16 size header followed by that many message
 * bytes, and the message ends with the `00 00` end marker.
 *
 * A message of `n` bytes becomes `ceil(n / maxChunkSize)` chunks. Zero bytes frame as the bare end marker `00 00`,
 * which on the wire is indistinguishable from a NOOP keep-alive; Bolt never sends empty messages, so callers
 * should not either.
 *
 * Stateless and therefore thread-safe; one instance may be shared.
 *
 * @param maxChunkSize largest chunk body this writer emits, 1..[MAX_CHUNK_SIZE]. Smaller values are useful for
 *   tests; production code keeps the default.
 * @throws IllegalArgumentException from the constructor when [maxChunkSize] is out of range.
 */
public class ChunkWriter(public val maxChunkSize: Int = MAX_CHUNK_SIZE) {
    init {
        require(maxChunkSize in 1..MAX_CHUNK_SIZE) { "maxChunkSize must be in 1..$MAX_CHUNK_SIZE: $maxChunkSize" }
    }

    /**
     * Number of bytes [frameInto] writes for a message of [messageLength] bytes.
     *
     * @throws IllegalArgumentException when [messageLength] is negative or the framed size overflows an Int.
     */
    public fun framedSize(messageLength: Int): Int {
        require(messageLength >= 0) { "negative message length: $messageLength" }
        val chunks = (messageLength.toLong() + maxChunkSize - 1) / maxChunkSize
        val total = messageLength + chunks * HEADER_SIZE + END_MARKER_SIZE
        require(total <= Int.MAX_VALUE) { "message of $messageLength bytes is too large to frame in one array" }
        return total.toInt()
    }

    /**
     * Writes the framed form of `message[offset until offset + length]` into [dest] starting at [destOffset], and
     * returns the number of bytes written (always [framedSize] of [length]). Lets a caller reuse one output buffer
     * for many messages, e.g. a pipelined RUN and PULL framed back to back. Neither array is retained.
     *
     * @throws IndexOutOfBoundsException when the source range is invalid or [dest] has too little room.
     */
    public fun frameInto(message: ByteArray, offset: Int, length: Int, dest: ByteArray, destOffset: Int): Int {
        if (offset < 0 || length < 0 || offset > message.size - length) {
            throw IndexOutOfBoundsException("source range $offset+$length outside array of ${message.size}")
        }
        val needed = framedSize(length)
        if (destOffset < 0 || destOffset > dest.size - needed) {
            throw IndexOutOfBoundsException("destination needs $needed bytes at $destOffset, array has ${dest.size}")
        }
        var src = offset
        var out = destOffset
        var remaining = length
        while (remaining > 0) {
            val n = if (remaining < maxChunkSize) remaining else maxChunkSize
            dest[out] = (n ushr 8).toByte()
            dest[out + 1] = n.toByte()
            System.arraycopy(message, src, dest, out + HEADER_SIZE, n)
            out += HEADER_SIZE + n
            src += n
            remaining -= n
        }
        dest[out] = 0
        dest[out + 1] = 0
        return needed
    }

    /**
     * Returns a new array holding the framed form of `message[offset until offset + length]`; the caller owns it.
     *
     * @throws IndexOutOfBoundsException when the source range is invalid.
     */
    public fun frame(message: ByteArray, offset: Int = 0, length: Int = message.size - offset): ByteArray {
        val out = ByteArray(framedSize(length.coerceAtLeast(0)))
        frameInto(message, offset, length, out, 0)
        return out
    }

    public companion object {
        /** Largest chunk body the u16 header can describe: 65,535 bytes. */
        public const val MAX_CHUNK_SIZE: Int = 0xFFFF

        /** Size of a chunk header in bytes. */
        public const val HEADER_SIZE: Int = 2

        /** Size of the end-of-message marker `00 00` in bytes. */
        public const val END_MARKER_SIZE: Int = 2

        /** A writer with the protocol's largest chunk size; shared, stateless. */
        public val DEFAULT: ChunkWriter = ChunkWriter()

        /**
         * Returns a new array holding the NOOP keep-alive `00 00`, which a server or client may send between
         * messages at any time.
         */
        public fun noop(): ByteArray = ByteArray(END_MARKER_SIZE)
    }
}

package org.boltkt.protocol.handshake

import org.boltkt.protocol.BoltProtocolException

/**
 * Incremental decoder for the handshake manifest's VarInt: little-endian groups of 7 bits, the high bit of each
 * byte meaning "more follows". Bounded by [maxBytes] so an endless run of continuation bytes is rejected instead
 * of waited for, and by [maxValue] (compared unsigned; -1 means any 64-bit value) so a hostile count is refused
 * before anything is sized by it.
 */
internal class VarIntReader(private val what: String, private val maxBytes: Int, private val maxValue: Long) {
    init {
        require(maxBytes in 1..10) { "a 64-bit VarInt has at most 10 bytes" }
    }

    /** The decoded value; complete once [accept] returned true. */
    var value = 0L
        private set
    private var read = 0

    /** Feeds one byte ([at] is its stream offset, for errors); returns true when the VarInt is complete. */
    fun accept(b: Byte, at: Int): Boolean {
        val bits = (b.toLong() and 0x7F)
        if (read == 9 && bits > 1) {
            throw BoltProtocolException("$what VarInt overflows 64 bits", at)
        }
        value = value or (bits shl (7 * read))
        read++
        if (java.lang.Long.compareUnsigned(value, maxValue) > 0) {
            throw BoltProtocolException("$what ${java.lang.Long.toUnsignedString(value)} exceeds the limit of $maxValue", at)
        }
        if (b.toInt() and 0x80 == 0) return true
        if (read >= maxBytes) throw BoltProtocolException("$what VarInt is longer than $maxBytes bytes", at)
        return false
    }

    internal companion object {
        /** Unsigned LEB128 encoding of [value] into a new array. */
        fun encode(value: Long): ByteArray {
            val out = ByteArray(10)
            var v = value
            var n = 0
            do {
                var byte = (v and 0x7F).toInt()
                v = v ushr 7
                if (v != 0L) byte = byte or 0x80
                out[n++] = byte.toByte()
            } while (v != 0L)
            return out.copyOf(n)
        }
    }
}

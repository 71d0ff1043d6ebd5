package org.boltkt.protocol.packstream

import java.util.UUID

/**
 * Writes PackStream values into a growable byte array, always choosing the smallest encoding.
 *
 * Callers write containers as a header followed by exactly that many items (maps: key then value per entry);
 * the writer does not track structure, so a wrong count produces bytes a peer will reject.
 *
 * Not thread-safe. Reuse one instance per connection with [reset] to avoid reallocating its buffer.
 *
 * @param initialCapacity starting buffer size in bytes.
 */
public class PackStreamWriter(initialCapacity: Int = 256) {
    private var buf = ByteArray(maxOf(16, initialCapacity))
    private var pos = 0

    /** Number of bytes written so far. */
    public val size: Int get() = pos

    /** The internal buffer; only the first [size] bytes are meaningful. Valid until the next write or [reset]. */
    public fun buffer(): ByteArray = buf

    /** A copy of the bytes written so far. */
    public fun toByteArray(): ByteArray = buf.copyOf(pos)

    /** Forgets everything written, keeping the buffer for reuse. */
    public fun reset() { pos = 0 }

    /** Writes Null. */
    public fun writeNull() { ensure(1); buf[pos++] = Markers.NULL.toByte() }

    /** Writes a Boolean. */
    public fun writeBoolean(value: Boolean) {
        ensure(1); buf[pos++] = (if (value) Markers.TRUE else Markers.FALSE).toByte()
    }

    /** Writes [value] as TINY_INT, INT_8, INT_16, INT_32 or INT_64, whichever is smallest. */
    public fun writeInt(value: Long) {
        when {
            value >= -16 && value <= 127 -> { ensure(1); buf[pos++] = value.toByte() }
            value >= Byte.MIN_VALUE && value < -16 -> { ensure(2); u8(Markers.INT_8); buf[pos++] = value.toByte() }
            value >= Short.MIN_VALUE && value <= Short.MAX_VALUE -> { ensure(3); u8(Markers.INT_16); u16(value.toInt()) }
            value >= Int.MIN_VALUE && value <= Int.MAX_VALUE -> { ensure(5); u8(Markers.INT_32); u32(value.toInt()) }
            else -> { ensure(9); u8(Markers.INT_64); u32((value ushr 32).toInt()); u32(value.toInt()) }
        }
    }

    /** Writes a FLOAT_64 (IEEE 754 bits, NaN payloads preserved). */
    public fun writeFloat(value: Double) {
        ensure(9); u8(Markers.FLOAT_64)
        val bits = value.toRawBits()
        u32((bits ushr 32).toInt()); u32(bits.toInt())
    }

    /** Writes a byte array with BYTES_8/16/32. */
    public fun writeBytes(value: ByteArray, offset: Int = 0, length: Int = value.size - offset) {
        require(offset >= 0 && length >= 0 && offset + length <= value.size) { "range out of bounds" }
        when {
            length <= 0xFF -> { ensure(2 + length); u8(Markers.BYTES_8); u8(length) }
            length <= 0xFFFF -> { ensure(3 + length); u8(Markers.BYTES_16); u16(length) }
            else -> { ensure(5 + length); u8(Markers.BYTES_32); u32(length) }
        }
        System.arraycopy(value, offset, buf, pos, length)
        pos += length
    }

    /**
     * Writes [value] as UTF-8 with the smallest string marker, encoding straight into the buffer (no temporary
     * byte array). An unpaired surrogate, which UTF-8 cannot carry, is written as `?` like [String.toByteArray].
     */
    public fun writeString(value: String) {
        val n = Utf8.encodedLength(value)
        when {
            n < 16 -> { ensure(1 + n); u8(Markers.TINY_STRING or n) }
            n <= 0xFF -> { ensure(2 + n); u8(Markers.STRING_8); u8(n) }
            n <= 0xFFFF -> { ensure(3 + n); u8(Markers.STRING_16); u16(n) }
            else -> { ensure(5 + n); u8(Markers.STRING_32); u32(n) }
        }
        pos = Utf8.encode(value, buf, pos)
    }

    /**
     * Writes PackStream's UUID: marker `0xE0`, then the 128 bits most significant first (the byte order of
     * [UUID.toString]). Only a Bolt 6.1+ peer reads it; the value encoder checks the version.
     */
    public fun writeUuid(value: UUID) {
        ensure(17); u8(Markers.UUID)
        val hi = value.mostSignificantBits
        val lo = value.leastSignificantBits
        u32((hi ushr 32).toInt()); u32(hi.toInt()); u32((lo ushr 32).toInt()); u32(lo.toInt())
    }

    /** Writes a list header for [size] items that the caller writes next. */
    public fun writeListHeader(size: Int): Unit = header(size, Markers.TINY_LIST, Markers.LIST_8)

    /** Writes a map header for [size] entries (key string, then value) that the caller writes next. */
    public fun writeMapHeader(size: Int): Unit = header(size, Markers.TINY_MAP, Markers.MAP_8)

    /**
     * Writes a structure header: [fieldCount] (0..15) fields follow, tagged [tag] (0..255).
     * @throws IllegalArgumentException when either is out of range.
     */
    public fun writeStructHeader(fieldCount: Int, tag: Int) {
        require(fieldCount in 0..Markers.MAX_STRUCT_FIELDS) { "a structure holds 0..15 fields, not $fieldCount" }
        require(tag in 0..0xFF) { "structure tag must be a byte: $tag" }
        ensure(2); u8(Markers.TINY_STRUCT or fieldCount); u8(tag)
    }

    /** Appends already-encoded PackStream bytes verbatim. */
    public fun writeRaw(bytes: ByteArray, offset: Int = 0, length: Int = bytes.size - offset) {
        ensure(length); System.arraycopy(bytes, offset, buf, pos, length); pos += length
    }

    // Markers 8/16/32 follow each other (e.g. LIST_8, LIST_16, LIST_32), so one routine serves lists and maps.
    private fun header(size: Int, tiny: Int, marker8: Int) {
        require(size >= 0) { "size must not be negative: $size" }
        when {
            size < 16 -> { ensure(1); u8(tiny or size) }
            size <= 0xFF -> { ensure(2); u8(marker8); u8(size) }
            size <= 0xFFFF -> { ensure(3); u8(marker8 + 1); u16(size) }
            else -> { ensure(5); u8(marker8 + 2); u32(size) }
        }
    }

    private fun u8(v: Int) { buf[pos++] = v.toByte() }
    private fun u16(v: Int) { buf[pos++] = (v ushr 8).toByte(); buf[pos++] = v.toByte() }
    private fun u32(v: Int) { u16(v ushr 16); u16(v) }

    private fun ensure(extra: Int) {
        val needed = pos + extra
        if (needed < 0) throw IllegalStateException("PackStream message exceeds 2 GiB")
        if (needed > buf.size) {
            var cap = buf.size
            while (cap < needed) cap = if (cap > Int.MAX_VALUE / 2) needed else cap * 2
            buf = buf.copyOf(cap)
        }
    }
}

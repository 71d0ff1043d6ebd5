package org.boltkt.protocol.packstream

import org.boltkt.protocol.BoltProtocolException
import java.util.UUID

/**
 * Reads PackStream values from `bytes[offset until limit]` without copying the input.
 *
 * Every read checks the marker and every size field against the remaining bytes and [limits] before anything is
 * allocated. Any malformed input — truncation, a wrong or reserved marker, an oversized length, invalid UTF-8 —
 * throws [BoltProtocolException] carrying the absolute offset of the offending marker; no other exception escapes
 * for bad bytes. After an exception the reader's position is unspecified.
 *
 * Not thread-safe (it holds a position).
 *
 * @throws IllegalArgumentException from the constructor when the range does not fit [bytes].
 */
public class PackStreamReader(
    private val bytes: ByteArray,
    offset: Int = 0,
    private val limit: Int = bytes.size,
    public val limits: DecodeLimits = DecodeLimits.DEFAULT,
) {
    init {
        require(offset in 0..limit && limit <= bytes.size) { "range $offset..$limit does not fit ${bytes.size} bytes" }
    }

    private val start = offset

    /** Absolute offset of the next byte to read. */
    public var position: Int = offset
        private set

    /** Bytes left before the limit. */
    public val remaining: Int get() = limit - position

    /** True while at least one byte is left. */
    public fun hasRemaining(): Boolean = position < limit

    /** The type of the next value, without consuming it. @throws BoltProtocolException at the end or on a reserved marker. */
    public fun peekType(): PackStreamType {
        val m = peekMarker()
        return Markers.typeOf(m) ?: throw BoltProtocolException("reserved PackStream marker 0x%02X".format(m), position)
    }

    /** The next marker byte (unsigned) without consuming it. @throws BoltProtocolException at the end. */
    public fun peekMarker(): Int {
        if (position >= limit) throw BoltProtocolException("unexpected end of message", position)
        return bytes[position].toInt() and 0xFF
    }

    /** The tag of the structure that comes next, consuming nothing. @throws BoltProtocolException when no structure header comes next. */
    public fun peekStructTag(): Int {
        val m = peekMarker()
        if (m < 0xB0 || m > 0xBF) throw mismatch("Structure", m)
        need(position, 2)
        return bytes[position + 1].toInt() and 0xFF
    }

    /**
     * Moves back to [to], a position this reader was at before, to read the same bytes again (a second decoding
     * pass). @throws IllegalArgumentException when [to] lies outside what this reader has read.
     */
    public fun rewind(to: Int) {
        require(to in start..position) { "cannot rewind to $to: this reader read $start..$position" }
        position = to
    }

    /** Consumes a Null. @throws BoltProtocolException when the next value is not Null. */
    public fun readNull() {
        val m = peekMarker()
        if (m != Markers.NULL) throw mismatch("Null", m)
        position++
    }

    /** Reads a Boolean. @throws BoltProtocolException on another type or at the end. */
    public fun readBoolean(): Boolean = when (val m = peekMarker()) {
        Markers.TRUE -> { position++; true }
        Markers.FALSE -> { position++; false }
        else -> throw mismatch("Boolean", m)
    }

    /** Reads an Integer of any width. @throws BoltProtocolException on another type or truncation. */
    public fun readInt(): Long {
        val at = position
        val m = peekMarker()
        if (m < 0x80 || m >= 0xF0) { position++; return bytes[at].toLong() }
        return when (m) {
            Markers.INT_8 -> { need(at, 2); position += 2; bytes[at + 1].toLong() }
            Markers.INT_16 -> { need(at, 3); position += 3; s16(at + 1).toLong() }
            Markers.INT_32 -> { need(at, 5); position += 5; s32(at + 1).toLong() }
            Markers.INT_64 -> { need(at, 9); position += 9; (s32(at + 1).toLong() shl 32) or (s32(at + 5).toLong() and 0xFFFF_FFFFL) }
            else -> throw mismatch("Integer", m)
        }
    }

    /** Reads a FLOAT_64. @throws BoltProtocolException on another type or truncation. */
    public fun readFloat(): Double {
        val at = position
        val m = peekMarker()
        if (m != Markers.FLOAT_64) throw mismatch("Float", m)
        need(at, 9)
        position += 9
        return Double.fromBits((s32(at + 1).toLong() shl 32) or (s32(at + 5).toLong() and 0xFFFF_FFFFL))
    }

    /** Reads a string, decoding UTF-8 strictly (malformed sequences are an error, never replaced). */
    public fun readString(): String {
        val at = position
        val m = peekMarker()
        val n = when {
            m in 0x80..0x8F -> { position++; m and 0x0F }
            m == Markers.STRING_8 || m == Markers.STRING_16 || m == Markers.STRING_32 -> readSize(at, m - Markers.STRING_8)
            else -> throw mismatch("String", m)
        }
        if (n > limits.maxStringBytes) throw BoltProtocolException("string of $n bytes exceeds limit ${limits.maxStringBytes}", at)
        if (n > remaining) throw BoltProtocolException("string of $n bytes but only $remaining remain", at)
        val start = position
        position += n
        return StrictUtf8Decoder.decode(bytes, start, n, at)
    }

    /**
     * Reads a string that is likely to repeat across messages (map keys, labels, relationship types): short ASCII
     * ones come from a small shared cache instead of a new String each time; otherwise the same as [readString].
     */
    public fun readName(): String {
        val at = position
        val m = peekMarker()
        if (m !in 0x80..0x8F && m != Markers.STRING_8) return readString()
        val n = if (m == Markers.STRING_8) { need(at, 2); bytes[at + 1].toInt() and 0xFF } else m and 0x0F
        val start = at + (if (m == Markers.STRING_8) 2 else 1)
        if (n > NameCache.MAX_LENGTH || n > limits.maxStringBytes || n > limit - start) return readString()
        val cached = NameCache.lookup(bytes, start, n) ?: return readString()
        position = start + n
        return cached
    }

    /** Reads a byte array (a fresh copy of the payload). */
    public fun readBytes(): ByteArray {
        val at = position
        val m = peekMarker()
        if (m < Markers.BYTES_8 || m > Markers.BYTES_32) throw mismatch("Bytes", m)
        val n = readSize(at, m - Markers.BYTES_8)
        if (n > limits.maxBytesLength) throw BoltProtocolException("byte array of $n bytes exceeds limit ${limits.maxBytesLength}", at)
        if (n > remaining) throw BoltProtocolException("byte array of $n bytes but only $remaining remain", at)
        val out = bytes.copyOfRange(position, position + n)
        position += n
        return out
    }

    /**
     * Reads PackStream's UUID (Bolt 6.1+): marker `0xE0` and 16 bytes, most significant first.
     * @throws BoltProtocolException on another type or truncation.
     */
    public fun readUuid(): UUID {
        val at = position
        val m = peekMarker()
        if (m != Markers.UUID) throw mismatch("UUID", m)
        need(at, 17)
        position += 17
        val hi = (s32(at + 1).toLong() shl 32) or (s32(at + 5).toLong() and 0xFFFF_FFFFL)
        val lo = (s32(at + 9).toLong() shl 32) or (s32(at + 13).toLong() and 0xFFFF_FFFFL)
        return UUID(hi, lo)
    }

    /** Reads a list header and returns how many items follow (each at least one byte, so never more than remain). */
    public fun readListHeader(): Int {
        val at = position
        val m = peekMarker()
        val n = when {
            m in 0x90..0x9F -> { position++; m and 0x0F }
            m == Markers.LIST_8 || m == Markers.LIST_16 || m == Markers.LIST_32 -> readSize(at, m - Markers.LIST_8)
            else -> throw mismatch("List", m)
        }
        if (n > limits.maxListSize) throw BoltProtocolException("list of $n items exceeds limit ${limits.maxListSize}", at)
        if (n > remaining) throw BoltProtocolException("list of $n items but only $remaining bytes remain", at)
        return n
    }

    /** Reads a map header and returns how many entries (string key + value, at least two bytes each) follow. */
    public fun readMapHeader(): Int {
        val at = position
        val m = peekMarker()
        val n = when {
            m in 0xA0..0xAF -> { position++; m and 0x0F }
            m == Markers.MAP_8 || m == Markers.MAP_16 || m == Markers.MAP_32 -> readSize(at, m - Markers.MAP_8)
            else -> throw mismatch("Map", m)
        }
        if (n > limits.maxMapEntries) throw BoltProtocolException("map of $n entries exceeds limit ${limits.maxMapEntries}", at)
        if (n.toLong() * 2 > remaining) throw BoltProtocolException("map of $n entries but only $remaining bytes remain", at)
        return n
    }

    /** Reads a structure marker and tag. */
    public fun readStructHeader(): StructHeader {
        val at = position
        val m = peekMarker()
        if (m < 0xB0 || m > 0xBF) throw mismatch("Structure", m)
        val n = m and 0x0F
        need(at, 2)
        if (n > limits.maxStructFields) throw BoltProtocolException("structure of $n fields exceeds limit ${limits.maxStructFields}", at)
        if (n > remaining - 2) throw BoltProtocolException("structure of $n fields but only ${remaining - 2} bytes remain", at)
        position += 2
        return StructHeader.of(n, bytes[at + 1].toInt() and 0xFF)
    }

    /** Skips one complete value of any type, honouring the nesting limit. */
    public fun skip() { skip(1) }

    private fun skip(depth: Int) {
        if (depth > limits.maxNestingDepth) throw BoltProtocolException("nesting deeper than ${limits.maxNestingDepth}", position)
        when (peekType()) {
            PackStreamType.NULL -> readNull()
            PackStreamType.BOOLEAN -> readBoolean()
            PackStreamType.INTEGER -> readInt()
            PackStreamType.FLOAT -> readFloat()
            PackStreamType.BYTES -> readBytes()
            PackStreamType.STRING -> readString()
            PackStreamType.LIST -> repeat(readListHeader()) { skip(depth + 1) }
            PackStreamType.MAP -> repeat(readMapHeader()) { readString(); skip(depth + 1) }
            PackStreamType.STRUCT -> repeat(readStructHeader().fieldCount) { skip(depth + 1) }
            PackStreamType.UUID -> readUuid()
        }
    }

    // width: 0 -> u8, 1 -> u16, 2 -> u32 (the 8/16/32 markers are consecutive).
    private fun readSize(at: Int, width: Int): Int {
        val len = when (width) { 0 -> 1; 1 -> 2; else -> 4 }
        need(at, 1 + len)
        position += 1 + len
        return when (width) {
            0 -> bytes[at + 1].toInt() and 0xFF
            1 -> s16(at + 1) and 0xFFFF
            else -> {
                val v = s32(at + 1)
                // Sizes are unsigned 32-bit; anything past Int.MAX_VALUE cannot fit any JVM array or message.
                if (v < 0) throw BoltProtocolException("size ${v.toLong() and 0xFFFF_FFFFL} is larger than any message", at)
                v
            }
        }
    }

    private fun need(at: Int, n: Int) {
        if (limit - at < n) throw BoltProtocolException("truncated value: needs $n bytes, ${limit - at} remain", at)
    }

    private fun s16(i: Int): Int = (bytes[i].toInt() shl 8) or (bytes[i + 1].toInt() and 0xFF)
    private fun s32(i: Int): Int =
        (bytes[i].toInt() shl 24) or ((bytes[i + 1].toInt() and 0xFF) shl 16) or
            ((bytes[i + 2].toInt() and 0xFF) shl 8) or (bytes[i + 3].toInt() and 0xFF)

    private fun mismatch(expected: String, m: Int): BoltProtocolException {
        val found = Markers.typeOf(m)?.name ?: "reserved marker"
        return BoltProtocolException("expected $expected but found $found (marker 0x%02X)".format(m), position)
    }
}

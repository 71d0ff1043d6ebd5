package org.boltkt.protocol.value

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.packstream.PackStreamType

/**
 * Decodes PackStream into [Value]s, mapping known structures per [ValueFormat].
 *
 * Known tags must have the field count and field types the format prescribes, otherwise
 * [BoltProtocolException] is thrown. Tags the format does not define (including `F`/`f` when [ValueFormat.utcDateTime]
 * is set, `I`/`i` when it is not, and `V` before vectors) decode to [UnknownStructValue]. A UUID (marker `0xE0`)
 * decodes to [UuidValue] when [ValueFormat.uuids] is set and is a [BoltProtocolException] otherwise. A zone id the JVM
 * does not know decodes to [DateTimeUnknownZoneValue]. Nesting is bounded by the reader's
 * [org.boltkt.protocol.packstream.DecodeLimits.maxNestingDepth].
 *
 * Stateless and thread-safe; the reader passed in is not.
 */
public object ValueDecoder {
    /** Reads one complete value at top level. @throws BoltProtocolException for malformed input. */
    public fun read(reader: PackStreamReader, format: ValueFormat): Value = read(reader, format, 0)

    /**
     * Reads one value that is nested inside [depth] enclosing containers (lists, maps, structures), so the
     * nesting limit is applied across message envelopes too.
     */
    public fun read(reader: PackStreamReader, format: ValueFormat, depth: Int): Value =
        when (reader.peekType()) {
            PackStreamType.NULL -> { reader.readNull(); NullValue }
            PackStreamType.BOOLEAN -> BooleanValue.of(reader.readBoolean())
            PackStreamType.INTEGER -> IntegerValue.of(reader.readInt())
            PackStreamType.FLOAT -> FloatValue(reader.readFloat())
            PackStreamType.STRING -> StringValue(reader.readString())
            PackStreamType.BYTES -> BytesValue(reader.readBytes())
            PackStreamType.LIST -> ListValue(readList(reader, format, depth))
            PackStreamType.MAP -> MapValue(readMap(reader, format, depth))
            PackStreamType.STRUCT -> StructDecoder.read(reader, format, enter(reader, depth))
            PackStreamType.UUID -> if (format.uuids) {
                UuidValue(reader.readUuid())
            } else {
                throw BoltProtocolException("PackStream UUID (marker 0xE0) arrived, but only Bolt 6.1+ carries it", reader.position)
            }
        }

    /** Reads a list of values nested at [depth]. @throws BoltProtocolException when the next value is not a list. */
    public fun readList(reader: PackStreamReader, format: ValueFormat, depth: Int): List<Value> {
        val inner = enter(reader, depth)
        val n = reader.readListHeader()
        if (n == 0) return emptyList()
        val out = ArrayList<Value>(initialCapacity(n))
        repeat(n) { out.add(read(reader, format, inner)) }
        return out
    }

    /** Reads a string-keyed map nested at [depth]; a repeated key keeps its last value. */
    public fun readMap(reader: PackStreamReader, format: ValueFormat, depth: Int): Map<String, Value> {
        val inner = enter(reader, depth)
        val n = reader.readMapHeader()
        if (n == 0) return emptyMap()
        if (n <= SmallMap.MAX_ENTRIES) {
            val kv = arrayOfNulls<Any?>(2 * n)
            var size = 0
            repeat(n) {
                val key = reader.readName()
                size = SmallMap.put(kv, size, key, read(reader, format, inner))
            }
            return SmallMap(kv, size)
        }
        val out = LinkedHashMap<String, Value>(capacity(initialCapacity(n)))
        repeat(n) {
            val key = reader.readName()
            out[key] = read(reader, format, inner)
        }
        return out
    }

    internal fun enter(reader: PackStreamReader, depth: Int): Int {
        val inner = depth + 1
        if (inner > reader.limits.maxNestingDepth) {
            throw BoltProtocolException("nesting deeper than ${reader.limits.maxNestingDepth}", reader.position)
        }
        return inner
    }

    /**
     * How many slots to set aside for a container whose header claims [n] entries. Each claim is only checked
     * against the bytes remaining, and nested containers all claim the same remaining bytes, so pre-sizing to [n]
     * would let a 16 MiB message make every level of nesting allocate for millions of entries. Past
     * [MAX_PRESIZE] the collection grows as entries actually arrive, so memory follows the bytes decoded.
     */
    internal fun initialCapacity(n: Int): Int = if (n <= MAX_PRESIZE) n else MAX_PRESIZE

    private const val MAX_PRESIZE = 1024

    private fun capacity(n: Int): Int = if (n < 3) n + 1 else (n / 0.75f + 1f).toInt()
}

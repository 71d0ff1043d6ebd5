package org.boltkt.client.mapping

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.packstream.PackStreamType
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.value.ValueFormat

/**
 * [BoltInput] straight over the PackStream bytes of one RECORD: scalars, lists, maps and the properties of nodes
 * and relationships are read in place, with no [Value] built; other structures (temporal values, points,
 * durations, vectors, paths) are read as a [Value] by the protocol's decoder. The same checks as [ValueDecoder]
 * apply (field counts, nesting limit, strict UTF-8): malformed bytes throw [BoltProtocolException].
 *
 * Reused from one RECORD to the next ([reset] with the new message's reader). Not thread-safe.
 */
internal class PackStreamInput : BoltInput {
    private lateinit var r: PackStreamReader
    private var format: ValueFormat = ValueFormat.BOLT_5

    // What each open container needs when it ends: the element ids a node or relationship carries after its
    // properties (read and dropped), nothing for lists and maps. The RECORD itself is depth 1, as in ResponseDecoder.
    private var trailers = IntArray(8)
    private var open = 0
    private val baseDepth = 1

    /** Starts reading a new message at [reader]'s position. */
    fun reset(reader: PackStreamReader, format: ValueFormat): PackStreamInput {
        r = reader
        this.format = format
        open = 0
        return this
    }

    override fun peekType(): InputType = when (r.peekType()) {
        PackStreamType.NULL -> InputType.NULL
        PackStreamType.BOOLEAN -> InputType.BOOLEAN
        PackStreamType.INTEGER -> InputType.INTEGER
        PackStreamType.FLOAT -> InputType.FLOAT
        PackStreamType.STRING -> InputType.STRING
        PackStreamType.BYTES -> InputType.BYTES
        PackStreamType.LIST -> InputType.LIST
        PackStreamType.MAP -> InputType.MAP
        PackStreamType.UUID -> InputType.OTHER
        PackStreamType.STRUCT -> when (r.peekStructTag()) {
            NODE -> InputType.NODE
            RELATIONSHIP, UNBOUND_RELATIONSHIP -> InputType.RELATIONSHIP
            PATH -> InputType.PATH
            else -> InputType.OTHER
        }
    }

    override fun peekTypeName(): String = when (r.peekType()) {
        PackStreamType.STRUCT -> structName(r.peekStructTag())
        PackStreamType.UUID -> "UUID"
        else -> peekType().name
    }

    private fun structName(tag: Int): String = when (tag) {
        NODE -> "NODE"
        RELATIONSHIP, UNBOUND_RELATIONSHIP -> "RELATIONSHIP"
        PATH -> "PATH"
        0x44 -> "DATE"
        0x54 -> "ZONED TIME"
        0x74 -> "LOCAL TIME"
        0x64 -> "LOCAL DATETIME"
        0x49, 0x69 -> if (format.utcDateTime) "ZONED DATETIME" else unknown(tag)
        0x46, 0x66 -> if (!format.utcDateTime) "ZONED DATETIME" else unknown(tag)
        0x45 -> "DURATION"
        0x58, 0x59 -> "POINT"
        0x56 -> if (format.vectors) "VECTOR" else unknown(tag)
        else -> unknown(tag)
    }

    private fun unknown(tag: Int) = "STRUCT 0x%02X".format(tag)

    override fun readNull() = r.readNull()
    override fun readBoolean(): Boolean = r.readBoolean()
    override fun readLong(): Long = r.readInt()
    override fun readDouble(): Double = r.readFloat()
    override fun readString(): String = r.readString()
    override fun readBytes(): ByteArray = r.readBytes()
    override fun readKey(): String = r.readName()
    override fun readValue(): Value = ValueDecoder.read(r, format, depth())
    override fun skip() = r.skip()

    override fun beginList(): Int {
        enter(NONE)
        return r.readListHeader()
    }

    override fun beginMap(): Int {
        enter(NONE)
        return r.readMapHeader()
    }

    override fun beginEntity(): Int {
        val at = r.position
        val h = r.readStructHeader()
        val ids = format.elementIds
        when (h.tag) {
            NODE -> {
                fields(h.fieldCount, if (ids) 4 else 3, h.tag, at)
                r.readInt()
                repeat(r.readListHeader()) { r.readName() }
                enter(if (ids) 1 else 0)
            }
            RELATIONSHIP -> {
                fields(h.fieldCount, if (ids) 8 else 5, h.tag, at)
                r.readInt(); r.readInt(); r.readInt()
                r.readName()
                enter(if (ids) 3 else 0)
            }
            UNBOUND_RELATIONSHIP -> {
                fields(h.fieldCount, if (ids) 4 else 3, h.tag, at)
                r.readInt()
                r.readName()
                enter(if (ids) 1 else 0)
            }
            else -> throw IllegalStateException("not a node or relationship: 0x%02X".format(h.tag))
        }
        return r.readMapHeader()
    }

    override fun end() {
        val trailing = trailers[--open]
        repeat(trailing) { r.readString() }
    }

    private fun depth(): Int = baseDepth + open

    private fun enter(trailing: Int) {
        if (depth() + 1 > r.limits.maxNestingDepth) throw BoltProtocolException("nesting deeper than ${r.limits.maxNestingDepth}", r.position)
        if (open == trailers.size) trailers = trailers.copyOf(open * 2)
        trailers[open++] = trailing
    }

    private fun fields(actual: Int, expected: Int, tag: Int, at: Int) {
        if (actual != expected) throw BoltProtocolException("structure 0x%02X needs $expected fields, got $actual".format(tag), at)
    }

    private companion object {
        const val NONE = 0

        // Structure tags of graph values (Bolt spec; the protocol module keeps its table internal).
        const val NODE = 0x4E
        const val RELATIONSHIP = 0x52
        const val UNBOUND_RELATIONSHIP = 0x72
        const val PATH = 0x50
    }
}

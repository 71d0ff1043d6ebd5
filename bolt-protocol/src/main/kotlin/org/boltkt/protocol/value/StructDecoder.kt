package org.boltkt.protocol.value

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.packstream.StructHeader

/** Maps structure tags to values; fields are read at [depth], which already counts the structure itself. */
internal object StructDecoder {
    fun read(reader: PackStreamReader, format: ValueFormat, depth: Int): Value {
        val at = reader.position
        val h = reader.readStructHeader()
        return when (h.tag) {
            StructTags.NODE -> node(reader, format, depth, h, at)
            StructTags.RELATIONSHIP -> relationship(reader, format, depth, h, at)
            StructTags.UNBOUND_RELATIONSHIP -> unbound(reader, format, depth, h, at)
            StructTags.PATH -> path(reader, format, depth, h, at)
            StructTags.POINT_2D -> { fields(h, 3, at); Point2DValue(reader.readInt(), reader.readFloat(), reader.readFloat()) }
            StructTags.POINT_3D -> { fields(h, 4, at); Point3DValue(reader.readInt(), reader.readFloat(), reader.readFloat(), reader.readFloat()) }
            StructTags.DURATION -> { fields(h, 4, at); DurationValue(reader.readInt(), reader.readInt(), reader.readInt(), reader.readInt()) }
            StructTags.VECTOR -> if (format.vectors) vector(reader, h, at) else unknown(reader, format, depth, h)
            else -> TemporalDecoder.read(reader, format, h, at) ?: unknown(reader, format, depth, h)
        }
    }

    fun fields(h: StructHeader, expected: Int, at: Int) {
        if (h.fieldCount != expected) {
            throw BoltProtocolException("structure 0x%02X needs $expected fields, got ${h.fieldCount}".format(h.tag), at)
        }
    }

    private fun unknown(reader: PackStreamReader, format: ValueFormat, depth: Int, h: StructHeader): Value {
        val fields = ArrayList<Value>(h.fieldCount)
        repeat(h.fieldCount) { fields.add(ValueDecoder.read(reader, format, depth)) }
        return UnknownStructValue(h.tag, fields)
    }

    private fun node(r: PackStreamReader, f: ValueFormat, depth: Int, h: StructHeader, at: Int): NodeValue {
        fields(h, if (f.elementIds) 4 else 3, at)
        val id = r.readInt()
        val n = r.readListHeader()
        val labels = ArrayList<String>(ValueDecoder.initialCapacity(n))
        repeat(n) { labels.add(r.readName()) }
        val props = ValueDecoder.readMap(r, f, depth)
        val elementId = if (f.elementIds) r.readString() else id.toString()
        return NodeValue(id, elementId, labels, props)
    }

    private fun relationship(r: PackStreamReader, f: ValueFormat, depth: Int, h: StructHeader, at: Int): RelationshipValue {
        fields(h, if (f.elementIds) 8 else 5, at)
        val id = r.readInt()
        val start = r.readInt()
        val end = r.readInt()
        val type = r.readName()
        val props = ValueDecoder.readMap(r, f, depth)
        return if (f.elementIds) {
            RelationshipValue(id, r.readString(), start, r.readString(), end, r.readString(), type, props)
        } else {
            RelationshipValue(id, id.toString(), start, start.toString(), end, end.toString(), type, props)
        }
    }

    private fun unbound(r: PackStreamReader, f: ValueFormat, depth: Int, h: StructHeader, at: Int): UnboundRelationshipValue {
        fields(h, if (f.elementIds) 4 else 3, at)
        val id = r.readInt()
        val type = r.readName()
        val props = ValueDecoder.readMap(r, f, depth)
        return UnboundRelationshipValue(id, if (f.elementIds) r.readString() else id.toString(), type, props)
    }

    private fun path(r: PackStreamReader, f: ValueFormat, depth: Int, h: StructHeader, at: Int): PathValue {
        fields(h, 3, at)
        val inner = ValueDecoder.enter(r, depth)
        val nodes = ArrayList<NodeValue>()
        repeat(r.readListHeader()) { nodes.add(expect(r, inner, StructTags.NODE) { hh, a -> node(r, f, inner + 1, hh, a) }) }
        val rels = ArrayList<UnboundRelationshipValue>()
        repeat(r.readListHeader()) {
            rels.add(expect(r, inner, StructTags.UNBOUND_RELATIONSHIP) { hh, a -> unbound(r, f, inner + 1, hh, a) })
        }
        val indicesAt = r.position
        val n = r.readListHeader()
        val indices = ArrayList<Long>(ValueDecoder.initialCapacity(n))
        repeat(n) { indices.add(r.readInt()) }
        // Validate here so PathValue.segments() cannot fail on anything that came off the wire.
        if (nodes.isEmpty() || n % 2 != 0) throw BoltProtocolException("path needs nodes and paired indices", indicesAt)
        for (i in 0 until n step 2) {
            val rel = indices[i]
            if (rel == 0L || rel > rels.size || rel < -rels.size) throw BoltProtocolException("path relationship index $rel out of range", indicesAt)
            if (indices[i + 1] !in 0 until nodes.size) throw BoltProtocolException("path node index ${indices[i + 1]} out of range", indicesAt)
        }
        return PathValue(nodes, rels, indices)
    }

    private inline fun <T> expect(r: PackStreamReader, depth: Int, tag: Int, body: (StructHeader, Int) -> T): T {
        ValueDecoder.enter(r, depth)
        val at = r.position
        val h = r.readStructHeader()
        if (h.tag != tag) throw BoltProtocolException("expected structure 0x%02X, got 0x%02X".format(tag, h.tag), at)
        return body(h, at)
    }

    private fun vector(r: PackStreamReader, h: StructHeader, at: Int): VectorValue {
        fields(h, 2, at)
        val marker = r.readBytes()
        val type = (if (marker.size == 1) VectorElementType.ofMarker(marker[0].toInt() and 0xFF) else null)
            ?: throw BoltProtocolException("unknown vector element type", at)
        val data = r.readBytes()
        if (data.size % type.byteSize != 0) throw BoltProtocolException("vector data is not a whole number of $type", at)
        return VectorValue(type, data)
    }
}

package org.boltkt.testing.scripted

import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.PathValue
import org.boltkt.protocol.value.RelationshipValue
import org.boltkt.protocol.value.UnboundRelationshipValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueFormat

/**
 * Server-side encoding of graph entities, which only servers send (the protocol module's [org.boltkt.protocol.value.ValueEncoder]
 * refuses them as parameters). Element ids are written only when [ValueFormat.elementIds] is set (Bolt 5.0+).
 */
internal object GraphEncoding {
    private const val NODE = 0x4E
    private const val RELATIONSHIP = 0x52
    private const val UNBOUND = 0x72
    private const val PATH = 0x50

    /** Writes [v] if it is a graph entity and returns Unit, else returns null and writes nothing. */
    fun write(w: PackStreamWriter, v: Value, fmt: ValueFormat): Unit? {
        when (v) {
            is NodeValue -> node(w, v, fmt)
            is RelationshipValue -> {
                w.writeStructHeader(if (fmt.elementIds) 8 else 5, RELATIONSHIP)
                w.writeInt(v.id); w.writeInt(v.startNodeId); w.writeInt(v.endNodeId); w.writeString(v.type)
                props(w, v.properties, fmt)
                if (fmt.elementIds) { w.writeString(v.elementId); w.writeString(v.startNodeElementId); w.writeString(v.endNodeElementId) }
            }
            is UnboundRelationshipValue -> unbound(w, v, fmt)
            is PathValue -> {
                w.writeStructHeader(3, PATH)
                w.writeListHeader(v.nodes.size); v.nodes.forEach { node(w, it, fmt) }
                w.writeListHeader(v.relationships.size); v.relationships.forEach { unbound(w, it, fmt) }
                w.writeListHeader(v.indices.size); v.indices.forEach { w.writeInt(it) }
            }
            else -> return null
        }
        return Unit
    }

    private fun node(w: PackStreamWriter, v: NodeValue, fmt: ValueFormat) {
        w.writeStructHeader(if (fmt.elementIds) 4 else 3, NODE)
        w.writeInt(v.id)
        w.writeListHeader(v.labels.size); v.labels.forEach { w.writeString(it) }
        props(w, v.properties, fmt)
        if (fmt.elementIds) w.writeString(v.elementId)
    }

    private fun unbound(w: PackStreamWriter, v: UnboundRelationshipValue, fmt: ValueFormat) {
        w.writeStructHeader(if (fmt.elementIds) 4 else 3, UNBOUND)
        w.writeInt(v.id); w.writeString(v.type)
        props(w, v.properties, fmt)
        if (fmt.elementIds) w.writeString(v.elementId)
    }

    private fun props(w: PackStreamWriter, p: Map<String, Value>, fmt: ValueFormat) {
        w.writeMapHeader(p.size)
        for ((k, value) in p) { w.writeString(k); write(w, value, fmt) ?: org.boltkt.protocol.value.ValueEncoder.write(w, value, fmt) }
    }
}

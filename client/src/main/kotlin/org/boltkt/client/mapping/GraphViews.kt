package org.boltkt.client.mapping

import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.PathValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.RelationshipValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.UnboundRelationshipValue
import org.boltkt.protocol.value.Value

/**
 * Structured values seen as maps, so a class maps them by property name: a node or relationship is its properties
 * plus the [ElementId]/[Labels]/[RelationshipType] properties of the class; a path is `nodes` and
 * `relationships` in walk order; a point is `srid`, `x`, `y` (and `z`); a duration is `months`, `days`,
 * `seconds`, `nanoseconds`.
 */
internal object GraphViews {
    /** [value] as a map for a class of [plan], or null when it has no map view. */
    fun asMap(value: Value, plan: ClassPlan): MapValue? = when (value) {
        is MapValue -> value
        is NodeValue -> entity(value.properties, plan, value.elementId, value.labels, null)
        is RelationshipValue -> entity(value.properties, plan, value.elementId, null, value.type)
        is UnboundRelationshipValue -> entity(value.properties, plan, value.elementId, null, value.type)
        is PathValue -> {
            val segments = value.segments()
            val nodes = ArrayList<Value>(segments.size + 1).apply { add(value.nodes[0]); segments.forEach { add(it.end) } }
            MapValue(linkedMapOf("nodes" to ListValue(nodes), "relationships" to ListValue(segments.map { it.relationship })))
        }
        is Point2DValue -> MapValue(linkedMapOf("srid" to IntegerValue.of(value.srid), "x" to FloatValue(value.x), "y" to FloatValue(value.y)))
        is Point3DValue -> MapValue(
            linkedMapOf("srid" to IntegerValue.of(value.srid), "x" to FloatValue(value.x), "y" to FloatValue(value.y), "z" to FloatValue(value.z)),
        )
        is DurationValue -> MapValue(
            linkedMapOf(
                "months" to IntegerValue.of(value.months), "days" to IntegerValue.of(value.days),
                "seconds" to IntegerValue.of(value.seconds), "nanoseconds" to IntegerValue.of(value.nanos),
            ),
        )
        else -> null
    }

    private fun entity(properties: Map<String, Value>, plan: ClassPlan, elementId: String, labels: List<String>?, type: String?): MapValue {
        if (!plan.needsGraphFields) return MapValue(properties)
        val out = LinkedHashMap<String, Value>(properties)
        if (plan.elementIdIndex >= 0) out[plan.names[plan.elementIdIndex]] = StringValue(elementId)
        if (plan.labelsIndex >= 0 && labels != null) out[plan.names[plan.labelsIndex]] = ListValue(labels.map(::StringValue))
        if (plan.typeIndex >= 0 && type != null) out[plan.names[plan.typeIndex]] = StringValue(type)
        return MapValue(out)
    }
}

@file:JvmName("ValueToObject")

package org.boltkt.client.value

import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.BytesValue
import org.boltkt.protocol.value.DateTimeUnknownZoneValue
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.DateValue
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.LocalDateTimeValue
import org.boltkt.protocol.value.LocalTimeValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.PathValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.RelationshipValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.TimeValue
import org.boltkt.protocol.value.UnboundRelationshipValue
import org.boltkt.protocol.value.UnknownStructValue
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.VectorValue

/**
 * This value as a plain Kotlin/Java object:
 *
 * | Value | Result |
 * |---|---|
 * | [NullValue] | `null` |
 * | [BooleanValue] | `Boolean` |
 * | [IntegerValue] | `Long` |
 * | [FloatValue] | `Double` |
 * | [StringValue] | `String` |
 * | [BytesValue] | `ByteArray` — the value's own array, which must not be mutated |
 * | [ListValue] | read-only `List<Any?>`, elements converted recursively |
 * | [MapValue] | read-only `Map<String, Any?>` in wire order, values converted recursively |
 * | [DateValue] | `java.time.LocalDate` |
 * | [TimeValue] | `java.time.OffsetTime` |
 * | [LocalTimeValue] | `java.time.LocalTime` |
 * | [LocalDateTimeValue] | `java.time.LocalDateTime` |
 * | [DateTimeValue] | `java.time.ZonedDateTime` |
 * | [UuidValue] | `java.util.UUID` |
 *
 * Every other value has no faithful native form and is returned unchanged: [DurationValue] (months, days and
 * seconds are independent, so neither `java.time.Duration` nor `Period` fits), [Point2DValue], [Point3DValue],
 * [VectorValue], [NodeValue], [RelationshipValue], [UnboundRelationshipValue], [PathValue],
 * [DateTimeUnknownZoneValue] and [UnknownStructValue]. Node/relationship properties are NOT converted; use
 * `properties` and convert explicitly.
 *
 * [Values.of] accepts every result, so `Values.of(v.asObject()) == v` holds for every value. Never throws.
 * Pure and thread-safe.
 */
public fun Value.asObject(): Any? = when (this) {
    NullValue -> null
    is BooleanValue -> value
    is IntegerValue -> value
    is FloatValue -> value
    is StringValue -> value
    is BytesValue -> value
    is ListValue -> if (values.isEmpty()) emptyList() else values.map { it.asObject() }
    is MapValue -> if (entries.isEmpty()) emptyMap() else objectMap(entries)
    is DateValue -> value
    is TimeValue -> value
    is LocalTimeValue -> value
    is LocalDateTimeValue -> value
    is DateTimeValue -> value
    is UuidValue -> value
    is DurationValue, is Point2DValue, is Point3DValue, is VectorValue, is NodeValue, is RelationshipValue,
    is UnboundRelationshipValue, is PathValue, is DateTimeUnknownZoneValue, is UnknownStructValue -> this
}

private fun objectMap(entries: Map<String, Value>): Map<String, Any?> {
    val out = LinkedHashMap<String, Any?>(entries.size * 2)
    for ((k, v) in entries) out[k] = v.asObject()
    return out
}

@file:JvmName("ValueAccessors")

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
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.VectorValue
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZonedDateTime
import java.util.UUID

// Typed reads of a Value. Each `asX()` throws UncoercibleValueException when the value is NullValue or of another
// type; each `asXOrNull()` returns null for NullValue and throws the same way for another type. No implicit
// conversions happen except those documented (integer → Double when exact). All are pure and thread-safe.

private fun Value.mismatch(expected: String): Nothing = throw UncoercibleValueException(expected, this)

/** An [IntegerValue] as `Long`. @throws UncoercibleValueException otherwise. */
public fun Value.asLong(): Long = (this as? IntegerValue)?.value ?: mismatch("INTEGER")

/** As [asLong], or null for [NullValue]. */
public fun Value.asLongOrNull(): Long? = if (this === NullValue) null else asLong()

/** An [IntegerValue] within `Int` range as `Int`. @throws UncoercibleValueException otherwise, naming the value when out of range. */
public fun Value.asInt(): Int {
    val v = asLong()
    if (v < Int.MIN_VALUE || v > Int.MAX_VALUE) throw UncoercibleValueException("Int", this, "INTEGER $v does not fit an Int; read it as a Long")
    return v.toInt()
}

/** As [asInt], or null for [NullValue]. */
public fun Value.asIntOrNull(): Int? = if (this === NullValue) null else asInt()

/**
 * A [FloatValue], or an [IntegerValue] that a `Double` represents exactly, as `Double`.
 * @throws UncoercibleValueException otherwise (including integers beyond ±2^53 that would lose precision).
 */
public fun Value.asDouble(): Double = when (this) {
    is FloatValue -> value
    is IntegerValue -> {
        val d = value.toDouble()
        if (d >= 9.223372036854776E18 || d.toLong() != value) {
            throw UncoercibleValueException("FLOAT", this, "INTEGER $value cannot be represented exactly as a Double")
        }
        d
    }
    else -> mismatch("FLOAT")
}

/** As [asDouble], or null for [NullValue]. */
public fun Value.asDoubleOrNull(): Double? = if (this === NullValue) null else asDouble()

/** A [StringValue] as `String`. @throws UncoercibleValueException otherwise. */
public fun Value.asString(): String = (this as? StringValue)?.value ?: mismatch("STRING")

/** As [asString], or null for [NullValue]. */
public fun Value.asStringOrNull(): String? = if (this === NullValue) null else asString()

/** A [BooleanValue] as `Boolean`. @throws UncoercibleValueException otherwise. */
public fun Value.asBoolean(): Boolean = (this as? BooleanValue)?.value ?: mismatch("BOOLEAN")

/** As [asBoolean], or null for [NullValue]. */
public fun Value.asBooleanOrNull(): Boolean? = if (this === NullValue) null else asBoolean()

/** A [BytesValue]'s own array (not copied; must not be mutated). @throws UncoercibleValueException otherwise. */
public fun Value.asBytes(): ByteArray = (this as? BytesValue)?.value ?: mismatch("BYTES")

/** As [asBytes], or null for [NullValue]. */
public fun Value.asBytesOrNull(): ByteArray? = if (this === NullValue) null else asBytes()

/** A [ListValue]'s elements, unconverted. @throws UncoercibleValueException otherwise. */
public fun Value.asList(): List<Value> = (this as? ListValue)?.values ?: mismatch("LIST")

/** As [asList], or null for [NullValue]. */
public fun Value.asListOrNull(): List<Value>? = if (this === NullValue) null else asList()

/** A [MapValue]'s entries, unconverted (not a node's or relationship's properties). @throws UncoercibleValueException otherwise. */
public fun Value.asMap(): Map<String, Value> = (this as? MapValue)?.entries ?: mismatch("MAP")

/** As [asMap], or null for [NullValue]. */
public fun Value.asMapOrNull(): Map<String, Value>? = if (this === NullValue) null else asMap()

/** A [NodeValue]. @throws UncoercibleValueException otherwise. */
public fun Value.asNode(): NodeValue = this as? NodeValue ?: mismatch("NODE")

/** As [asNode], or null for [NullValue]. */
public fun Value.asNodeOrNull(): NodeValue? = if (this === NullValue) null else asNode()

/** A [RelationshipValue]. @throws UncoercibleValueException otherwise. */
public fun Value.asRelationship(): RelationshipValue = this as? RelationshipValue ?: mismatch("RELATIONSHIP")

/** As [asRelationship], or null for [NullValue]. */
public fun Value.asRelationshipOrNull(): RelationshipValue? = if (this === NullValue) null else asRelationship()

/** A [PathValue]. @throws UncoercibleValueException otherwise. */
public fun Value.asPath(): PathValue = this as? PathValue ?: mismatch("PATH")

/** As [asPath], or null for [NullValue]. */
public fun Value.asPathOrNull(): PathValue? = if (this === NullValue) null else asPath()

/** A [DateValue] as `LocalDate`. @throws UncoercibleValueException otherwise. */
public fun Value.asLocalDate(): LocalDate = (this as? DateValue)?.value ?: mismatch("DATE")

/** As [asLocalDate], or null for [NullValue]. */
public fun Value.asLocalDateOrNull(): LocalDate? = if (this === NullValue) null else asLocalDate()

/** A [TimeValue] as `OffsetTime`. @throws UncoercibleValueException otherwise. */
public fun Value.asOffsetTime(): OffsetTime = (this as? TimeValue)?.value ?: mismatch("ZONED TIME")

/** As [asOffsetTime], or null for [NullValue]. */
public fun Value.asOffsetTimeOrNull(): OffsetTime? = if (this === NullValue) null else asOffsetTime()

/** A [LocalTimeValue] as `LocalTime`. @throws UncoercibleValueException otherwise. */
public fun Value.asLocalTime(): LocalTime = (this as? LocalTimeValue)?.value ?: mismatch("LOCAL TIME")

/** As [asLocalTime], or null for [NullValue]. */
public fun Value.asLocalTimeOrNull(): LocalTime? = if (this === NullValue) null else asLocalTime()

/** A [LocalDateTimeValue] as `LocalDateTime`. @throws UncoercibleValueException otherwise. */
public fun Value.asLocalDateTime(): LocalDateTime = (this as? LocalDateTimeValue)?.value ?: mismatch("LOCAL DATETIME")

/** As [asLocalDateTime], or null for [NullValue]. */
public fun Value.asLocalDateTimeOrNull(): LocalDateTime? = if (this === NullValue) null else asLocalDateTime()

/**
 * A [DateTimeValue] as `ZonedDateTime`.
 * @throws UncoercibleValueException otherwise, also for a [DateTimeUnknownZoneValue] (its zone id is unknown to
 *   this JVM; update the JVM's time-zone data or read the raw value).
 */
public fun Value.asZonedDateTime(): ZonedDateTime = when (this) {
    is DateTimeValue -> value
    is DateTimeUnknownZoneValue -> throw UncoercibleValueException(
        "ZONED DATETIME", this, "zone id '$zoneId' is unknown to this JVM; update its time-zone data or use the raw DateTimeUnknownZoneValue",
    )
    else -> mismatch("ZONED DATETIME")
}

/** As [asZonedDateTime], or null for [NullValue]. */
public fun Value.asZonedDateTimeOrNull(): ZonedDateTime? = if (this === NullValue) null else asZonedDateTime()

/** A [DurationValue]. @throws UncoercibleValueException otherwise. */
public fun Value.asDuration(): DurationValue = this as? DurationValue ?: mismatch("DURATION")

/** As [asDuration], or null for [NullValue]. */
public fun Value.asDurationOrNull(): DurationValue? = if (this === NullValue) null else asDuration()

/** A [Point2DValue]. @throws UncoercibleValueException otherwise (also for a 3D point). */
public fun Value.asPoint2D(): Point2DValue = this as? Point2DValue ?: mismatch("2D POINT")

/** As [asPoint2D], or null for [NullValue]. */
public fun Value.asPoint2DOrNull(): Point2DValue? = if (this === NullValue) null else asPoint2D()

/** A [Point3DValue]. @throws UncoercibleValueException otherwise (also for a 2D point). */
public fun Value.asPoint3D(): Point3DValue = this as? Point3DValue ?: mismatch("3D POINT")

/** As [asPoint3D], or null for [NullValue]. */
public fun Value.asPoint3DOrNull(): Point3DValue? = if (this === NullValue) null else asPoint3D()

/** A [VectorValue]. @throws UncoercibleValueException otherwise. */
public fun Value.asVector(): VectorValue = this as? VectorValue ?: mismatch("VECTOR")

/** As [asVector], or null for [NullValue]. */
public fun Value.asVectorOrNull(): VectorValue? = if (this === NullValue) null else asVector()

/** A [UuidValue] (Bolt 6.1+) as `java.util.UUID`. @throws UncoercibleValueException otherwise (a STRING is not parsed). */
public fun Value.asUuid(): UUID = (this as? UuidValue)?.value ?: mismatch("UUID")

/** As [asUuid], or null for [NullValue]. */
public fun Value.asUuidOrNull(): UUID? = if (this === NullValue) null else asUuid()

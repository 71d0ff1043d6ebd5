package org.boltkt.testkit

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.longOrNull
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
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime

/** A value testkit's protocol cannot carry (reported to testkit as a DriverError naming the value). */
class UnrepresentableValueException(message: String) : RuntimeException(message)

/**
 * Testkit's tagged Cypher values (`{"name": "CypherInt", "data": {"value": 1}}`) to and from the driver's [Value]s.
 * Pure functions.
 */
object CypherJson {
    private const val WGS84_2D = 4326L
    private const val WGS84_3D = 4979L
    private const val CARTESIAN_2D = 7203L
    private const val CARTESIAN_3D = 9157L

    /** A tagged value from testkit (a query parameter, tx metadata entry, ...) as a driver [Value]. */
    fun toValue(element: JsonElement): Value {
        if (element is JsonNull) return NullValue
        val tagged = element as? JsonObject ?: throw BadRequestException("a Cypher value must be a tagged object, got $element")
        val name = tagged.strOrNull("name") ?: throw BadRequestException("a Cypher value needs a 'name': $element")
        val data = tagged.objOrNull("data") ?: JsonObject(emptyMap())
        return when (name) {
            "CypherNull" -> NullValue
            "CypherBool" -> BooleanValue((data["value"] as JsonPrimitive).booleanOrNull ?: throw bad(name, data))
            "CypherInt" -> IntegerValue(data.longOrNull("value") ?: throw bad(name, data))
            "CypherFloat" -> FloatValue(float(data["value"] as? JsonPrimitive ?: throw bad(name, data)))
            "CypherString" -> StringValue(data.str("value"))
            "CypherBytes" -> BytesValue(bytes(data.str("value")))
            "CypherList" -> ListValue((data["value"] as? JsonArray ?: throw bad(name, data)).map(::toValue))
            "CypherMap" -> MapValue((data["value"] as? JsonObject ?: throw bad(name, data)).mapValues { toValue(it.value) })
            "CypherPoint" -> point(data)
            "CypherDate" -> DateValue(LocalDate.of(data.long("year").toInt(), data.long("month").toInt(), data.long("day").toInt()))
            "CypherTime" -> time(data)
            "CypherDateTime" -> dateTime(data)
            "CypherUUID" -> UuidValue(uuid(data.str("value")))
            "CypherDuration" -> DurationValue(data.long("months"), data.long("days"), data.long("seconds"), data.long("nanoseconds"))
            else -> throw BadRequestException("unsupported Cypher value type '$name' as a parameter")
        }
    }

    /** A driver [Value] as testkit's tagged JSON. */
    fun fromValue(value: Value): JsonObject = when (value) {
        NullValue -> tag("CypherNull", "value" to null)
        is BooleanValue -> tag("CypherBool", "value" to value.value)
        is IntegerValue -> tag("CypherInt", "value" to value.value)
        is FloatValue -> tag("CypherFloat", "value" to floatJson(value.value))
        is StringValue -> tag("CypherString", "value" to value.value)
        is BytesValue -> tag("CypherBytes", "value" to value.value.joinToString(" ") { "%02x".format(it.toInt() and 0xff) })
        is ListValue -> tag("CypherList", "value" to JsonArray(value.values.map(::fromValue)))
        is MapValue -> tag("CypherMap", "value" to JsonObject(value.entries.mapValues { fromValue(it.value) }))
        is NodeValue -> node(value)
        is RelationshipValue -> relationship(value)
        is PathValue -> path(value)
        is Point2DValue -> tag("CypherPoint", "system" to system(value.srid), "x" to value.x, "y" to value.y, "z" to null)
        is Point3DValue -> tag("CypherPoint", "system" to system(value.srid), "x" to value.x, "y" to value.y, "z" to value.z)
        is DateValue -> tag("CypherDate", "year" to value.value.year, "month" to value.value.monthValue, "day" to value.value.dayOfMonth)
        is TimeValue -> timeJson(value.value.toLocalTime(), value.value.offset.totalSeconds)
        is LocalTimeValue -> timeJson(value.value, null)
        is LocalDateTimeValue -> dateTimeJson(value.value, null, null)
        is DateTimeValue -> dateTimeJson(
            value.value.toLocalDateTime(),
            value.value.offset.totalSeconds,
            value.value.zone.takeUnless { it is ZoneOffset }?.id,
        )
        is DurationValue -> tag("CypherDuration", "months" to value.months, "days" to value.days, "seconds" to value.seconds, "nanoseconds" to value.nanos)
        is UuidValue -> tag("CypherUUID", "value" to value.value.toString())
        is DateTimeUnknownZoneValue -> throw UnrepresentableValueException(
            "date-time with time zone id '${value.zoneId}' unknown to this JVM (boltkt returns it as DateTimeUnknownZoneValue)",
        )
        is UnboundRelationshipValue, is UnknownStructValue, is VectorValue ->
            throw UnrepresentableValueException("testkit has no representation for ${value::class.simpleName}")
    }

    private fun node(n: NodeValue) = tag(
        "Node",
        "id" to fromValue(IntegerValue(n.id)),
        "labels" to fromValue(ListValue(n.labels.map(::StringValue))),
        "props" to fromValue(MapValue(n.properties)),
        "elementId" to fromValue(StringValue(n.elementId)),
    )

    private fun relationship(r: RelationshipValue) = tag(
        "Relationship",
        "id" to fromValue(IntegerValue(r.id)),
        "startNodeId" to fromValue(IntegerValue(r.startNodeId)),
        "endNodeId" to fromValue(IntegerValue(r.endNodeId)),
        "type" to fromValue(StringValue(r.type)),
        "props" to fromValue(MapValue(r.properties)),
        "elementId" to fromValue(StringValue(r.elementId)),
        "startNodeElementId" to fromValue(StringValue(r.startNodeElementId)),
        "endNodeElementId" to fromValue(StringValue(r.endNodeElementId)),
    )

    private fun path(p: PathValue): JsonObject {
        val segments = p.segments()
        val nodes = listOf(p.nodes.first()) + segments.map { it.end }
        return tag(
            "Path",
            "nodes" to tag("CypherList", "value" to JsonArray(nodes.map(::node))),
            "relationships" to tag("CypherList", "value" to JsonArray(segments.map { relationship(it.relationship) })),
        )
    }

    private fun tag(name: String, vararg fields: Pair<String, Any?>): JsonObject =
        JsonObject(mapOf("name" to JsonPrimitive(name), "data" to obj(*fields)))

    private fun bad(name: String, data: JsonObject) = BadRequestException("malformed $name: $data")

    private fun uuid(s: String): java.util.UUID = try {
        java.util.UUID.fromString(s)
    } catch (e: IllegalArgumentException) {
        throw BadRequestException("CypherUUID value '$s' is not a UUID: ${e.message}")
    }

    private fun float(p: JsonPrimitive): Double = if (p.isString) {
        when (p.content) {
            "NaN" -> Double.NaN
            "+Infinity", "Infinity" -> Double.POSITIVE_INFINITY
            "-Infinity" -> Double.NEGATIVE_INFINITY
            else -> throw BadRequestException("CypherFloat value '${p.content}' is not a number")
        }
    } else {
        p.doubleOrNull ?: throw BadRequestException("CypherFloat value '$p' is not a number")
    }

    private fun floatJson(d: Double): Any = when {
        d.isNaN() -> "NaN"
        d == Double.POSITIVE_INFINITY -> "+Infinity"
        d == Double.NEGATIVE_INFINITY -> "-Infinity"
        else -> d
    }

    private fun bytes(hex: String): ByteArray =
        hex.split(' ').filter { it.isNotEmpty() }.map { it.toInt(16).toByte() }.toByteArray()

    private fun system(srid: Long): String = when (srid) {
        WGS84_2D, WGS84_3D -> "wgs84"
        CARTESIAN_2D, CARTESIAN_3D -> "cartesian"
        else -> throw UnrepresentableValueException("testkit has no point system for SRID $srid")
    }

    private fun point(data: JsonObject): Value {
        val system = data.str("system")
        val x = (data["x"] as JsonPrimitive).doubleOrNull ?: throw bad("CypherPoint", data)
        val y = (data["y"] as JsonPrimitive).doubleOrNull ?: throw bad("CypherPoint", data)
        val z = (data["z"] as? JsonPrimitive)?.doubleOrNull
        return when (system) {
            "wgs84" -> if (z == null) Point2DValue(WGS84_2D, x, y) else Point3DValue(WGS84_3D, x, y, z)
            "cartesian" -> if (z == null) Point2DValue(CARTESIAN_2D, x, y) else Point3DValue(CARTESIAN_3D, x, y, z)
            else -> throw BadRequestException("unknown point system '$system'")
        }
    }

    private fun localTime(data: JsonObject): LocalTime =
        LocalTime.of(data.long("hour").toInt(), data.long("minute").toInt(), data.long("second").toInt(), data.long("nanosecond").toInt())

    private fun time(data: JsonObject): Value {
        val offset = data.longOrNull("utc_offset_s") ?: return LocalTimeValue(localTime(data))
        return TimeValue(OffsetTime.of(localTime(data), ZoneOffset.ofTotalSeconds(offset.toInt())))
    }

    private fun dateTime(data: JsonObject): Value {
        val local = LocalDateTime.of(LocalDate.of(data.long("year").toInt(), data.long("month").toInt(), data.long("day").toInt()), localTime(data))
        val offset = data.longOrNull("utc_offset_s")?.let { ZoneOffset.ofTotalSeconds(it.toInt()) }
        val zoneId = data.strOrNull("timezone_id")
        return when {
            zoneId != null -> DateTimeValue(ZonedDateTime.ofLocal(local, ZoneId.of(zoneId), offset))
            offset != null -> DateTimeValue(ZonedDateTime.of(local, offset))
            else -> LocalDateTimeValue(local)
        }
    }

    private fun timeJson(t: LocalTime, offset: Int?) =
        tag("CypherTime", "hour" to t.hour, "minute" to t.minute, "second" to t.second, "nanosecond" to t.nano, "utc_offset_s" to offset)

    private fun dateTimeJson(t: LocalDateTime, offset: Int?, zoneId: String?) = tag(
        "CypherDateTime",
        "year" to t.year, "month" to t.monthValue, "day" to t.dayOfMonth,
        "hour" to t.hour, "minute" to t.minute, "second" to t.second, "nanosecond" to t.nano,
        "utc_offset_s" to offset, "timezone_id" to zoneId,
    )
}

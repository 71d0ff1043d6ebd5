package org.boltkt.protocol.value

import org.boltkt.protocol.packstream.PackStreamWriter
import java.time.ZoneOffset

/**
 * Encodes [Value]s as PackStream for sending (query parameters, metadata), per [ValueFormat].
 *
 * Graph entities ([NodeValue], [RelationshipValue], [UnboundRelationshipValue], [PathValue]) and
 * [UnknownStructValue] are results only and cannot be sent; a [VectorValue] needs [ValueFormat.vectors], a
 * [UuidValue] [ValueFormat.uuids]; a
 * [DateTimeUnknownZoneValue] can only go back in the struct family it came from. Each of these throws
 * [IllegalArgumentException] naming the problem; the writer may then hold a partial value and should be reset.
 *
 * Stateless and thread-safe; the writer is not.
 */
public object ValueEncoder {
    /** Writes [value]. @throws IllegalArgumentException for values that cannot be sent in [format]. */
    public fun write(writer: PackStreamWriter, value: Value, format: ValueFormat) {
        when (value) {
            NullValue -> writer.writeNull()
            is BooleanValue -> writer.writeBoolean(value.value)
            is IntegerValue -> writer.writeInt(value.value)
            is FloatValue -> writer.writeFloat(value.value)
            is StringValue -> writer.writeString(value.value)
            is BytesValue -> writer.writeBytes(value.value)
            is ListValue -> {
                writer.writeListHeader(value.values.size)
                for (v in value.values) write(writer, v, format)
            }
            is MapValue -> writeMap(writer, value.entries, format)
            is DateValue -> { writer.writeStructHeader(1, StructTags.DATE); writer.writeInt(value.value.toEpochDay()) }
            is TimeValue -> {
                writer.writeStructHeader(2, StructTags.TIME)
                writer.writeInt(value.value.toLocalTime().toNanoOfDay())
                writer.writeInt(value.value.offset.totalSeconds.toLong())
            }
            is LocalTimeValue -> { writer.writeStructHeader(1, StructTags.LOCAL_TIME); writer.writeInt(value.value.toNanoOfDay()) }
            is LocalDateTimeValue -> {
                writer.writeStructHeader(2, StructTags.LOCAL_DATE_TIME)
                writer.writeInt(value.value.toEpochSecond(ZoneOffset.UTC))
                writer.writeInt(value.value.nano.toLong())
            }
            is DateTimeValue -> writeDateTime(writer, value, format)
            is DateTimeUnknownZoneValue -> {
                require(value.utc == format.utcDateTime) {
                    "date-time with unknown zone '${value.zoneId}' was decoded in the other date-time format"
                }
                writer.writeStructHeader(3, if (value.utc) StructTags.DATE_TIME_ZONE_ID else StructTags.LEGACY_DATE_TIME_ZONE_ID)
                writer.writeInt(value.seconds); writer.writeInt(value.nanos); writer.writeString(value.zoneId)
            }
            is DurationValue -> {
                writer.writeStructHeader(4, StructTags.DURATION)
                writer.writeInt(value.months); writer.writeInt(value.days)
                writer.writeInt(value.seconds); writer.writeInt(value.nanos)
            }
            is Point2DValue -> {
                writer.writeStructHeader(3, StructTags.POINT_2D)
                writer.writeInt(value.srid); writer.writeFloat(value.x); writer.writeFloat(value.y)
            }
            is Point3DValue -> {
                writer.writeStructHeader(4, StructTags.POINT_3D)
                writer.writeInt(value.srid); writer.writeFloat(value.x); writer.writeFloat(value.y); writer.writeFloat(value.z)
            }
            is VectorValue -> {
                require(format.vectors) { "vectors need Bolt 6.0 or later" }
                writer.writeStructHeader(2, StructTags.VECTOR)
                writer.writeBytes(byteArrayOf(value.elementType.marker.toByte()))
                writer.writeBytes(value.data)
            }
            is UuidValue -> {
                require(format.uuids) {
                    "UUID values need Bolt 6.1 or later (Neo4j 2026.x); on an older Bolt version send the UUID as a String " +
                        "(toString()) instead"
                }
                writer.writeUuid(value.value)
            }
            is NodeValue, is RelationshipValue, is UnboundRelationshipValue, is PathValue ->
                throw IllegalArgumentException("${value::class.simpleName} is a query result and cannot be sent as a parameter")
            is UnknownStructValue ->
                throw IllegalArgumentException("unknown structure 0x%02X cannot be sent as a parameter".format(value.tag))
        }
    }

    /** Writes a string-keyed map. @throws IllegalArgumentException as [write] does for its values. */
    public fun writeMap(writer: PackStreamWriter, entries: Map<String, Value>, format: ValueFormat) {
        writer.writeMapHeader(entries.size)
        for ((k, v) in entries) {
            writer.writeString(k)
            write(writer, v, format)
        }
    }

    private fun writeDateTime(writer: PackStreamWriter, value: DateTimeValue, format: ValueFormat) {
        val t = value.value
        val zone = t.zone
        val offsetForm = zone is ZoneOffset
        val tag = when {
            format.utcDateTime && offsetForm -> StructTags.DATE_TIME
            format.utcDateTime -> StructTags.DATE_TIME_ZONE_ID
            offsetForm -> StructTags.LEGACY_DATE_TIME
            else -> StructTags.LEGACY_DATE_TIME_ZONE_ID
        }
        writer.writeStructHeader(3, tag)
        writer.writeInt(if (format.utcDateTime) t.toEpochSecond() else t.toLocalDateTime().toEpochSecond(ZoneOffset.UTC))
        writer.writeInt(t.nano.toLong())
        if (offsetForm) writer.writeInt(t.offset.totalSeconds.toLong()) else writer.writeString(zone.id)
    }
}

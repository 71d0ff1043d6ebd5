package org.boltkt.javainterop

import org.boltkt.client.mapping.decode
import org.boltkt.client.record.Record
import org.boltkt.client.record.*
import org.boltkt.client.value.asObject
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.PathValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.RelationshipValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.VectorValue
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZonedDateTime
import java.util.UUID

/**
 * A Java-friendly view of one [Record]: the Kotlin typed getters (extension functions) as ordinary methods,
 * e.g. `record.getString("title")`, `record.getLongOrNull("born")` (a boxed `Long`, null for a null column).
 * Conversions, errors and messages are exactly those of the Kotlin getters: a null column read with a non-null
 * getter or a column of another type throws [org.boltkt.client.value.UncoercibleValueException]; an unknown key
 * throws [NoSuchElementException]; a bad index [IndexOutOfBoundsException].
 *
 * Immutable and thread-safe. Equality is that of the underlying record.
 */
public class JavaRecord(
    /** The Kotlin record this view reads. */
    public val record: Record,
) {
    /** Column names in order. */
    public fun keys(): List<String> = record.keys

    /**
     * This record mapped into [type] (a record, a constructor-mapped class, see [JavaSerializers]) by column name,
     * with the rules and errors of Kotlin's typed results.
     * @throws org.boltkt.client.error.ResultMappingException when a value does not fit (names the column, the Cypher
     *   type, the property and its type, and the fix).
     * @throws IllegalArgumentException when [type] cannot be mapped at all.
     */
    public fun <T> `as`(type: Class<T>): T = record.decode(JavaSerializers.of(type))

    /** Values in column order. */
    public fun values(): List<Value> = record.values

    /** Number of columns. */
    public fun size(): Int = record.size

    /** The raw value of column [key]. @throws NoSuchElementException for an unknown key. */
    public fun get(key: String): Value = record[key]

    /** The raw value at [index]. @throws IndexOutOfBoundsException for a bad index. */
    public fun get(index: Int): Value = record[index]

    /** True when [key] is a column. */
    public fun containsKey(key: String): Boolean = record.containsKey(key)

    /** Position of [key], or -1. */
    public fun indexOf(key: String): Int = record.indexOf(key)

    /** Column [key] converted to a plain Java object (see `Value.asObject`): String, Long, Double, List, Map, java.time, UUID, … */
    public fun getObject(key: String): Any? = record[key].asObject()

    /** The record as an insertion-ordered map of plain Java objects (see `Record.asMap`). */
    public fun asMap(): Map<String, Any?> = record.asMap()

    /** Column [key] as String; see `Record.getString`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getString(key: String): String = record.getString(key)
    /** Column [key] as String, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getStringOrNull(key: String): String? = record.getStringOrNull(key)
    /** Column [index] as String; see `Record.getString`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getString(index: Int): String = record.getString(index)
    /** Column [index] as String, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getStringOrNull(index: Int): String? = record.getStringOrNull(index)
    /** Column [key] as Long; see `Record.getLong`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getLong(key: String): Long = record.getLong(key)
    /** Column [key] as Long, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getLongOrNull(key: String): Long? = record.getLongOrNull(key)
    /** Column [index] as Long; see `Record.getLong`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getLong(index: Int): Long = record.getLong(index)
    /** Column [index] as Long, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getLongOrNull(index: Int): Long? = record.getLongOrNull(index)
    /** Column [key] as Int; see `Record.getInt`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getInt(key: String): Int = record.getInt(key)
    /** Column [key] as Int, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getIntOrNull(key: String): Int? = record.getIntOrNull(key)
    /** Column [index] as Int; see `Record.getInt`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getInt(index: Int): Int = record.getInt(index)
    /** Column [index] as Int, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getIntOrNull(index: Int): Int? = record.getIntOrNull(index)
    /** Column [key] as Double; see `Record.getDouble`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getDouble(key: String): Double = record.getDouble(key)
    /** Column [key] as Double, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getDoubleOrNull(key: String): Double? = record.getDoubleOrNull(key)
    /** Column [index] as Double; see `Record.getDouble`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getDouble(index: Int): Double = record.getDouble(index)
    /** Column [index] as Double, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getDoubleOrNull(index: Int): Double? = record.getDoubleOrNull(index)
    /** Column [key] as Boolean; see `Record.getBoolean`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getBoolean(key: String): Boolean = record.getBoolean(key)
    /** Column [key] as Boolean, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getBooleanOrNull(key: String): Boolean? = record.getBooleanOrNull(key)
    /** Column [index] as Boolean; see `Record.getBoolean`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getBoolean(index: Int): Boolean = record.getBoolean(index)
    /** Column [index] as Boolean, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getBooleanOrNull(index: Int): Boolean? = record.getBooleanOrNull(index)
    /** Column [key] as Bytes; see `Record.getBytes`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getBytes(key: String): ByteArray = record.getBytes(key)
    /** Column [key] as Bytes, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getBytesOrNull(key: String): ByteArray? = record.getBytesOrNull(key)
    /** Column [index] as Bytes; see `Record.getBytes`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getBytes(index: Int): ByteArray = record.getBytes(index)
    /** Column [index] as Bytes, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getBytesOrNull(index: Int): ByteArray? = record.getBytesOrNull(index)
    /** Column [key] as List; see `Record.getList`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getList(key: String): List<Value> = record.getList(key)
    /** Column [key] as List, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getListOrNull(key: String): List<Value>? = record.getListOrNull(key)
    /** Column [index] as List; see `Record.getList`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getList(index: Int): List<Value> = record.getList(index)
    /** Column [index] as List, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getListOrNull(index: Int): List<Value>? = record.getListOrNull(index)
    /** Column [key] as Map; see `Record.getMap`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getMap(key: String): Map<String, Value> = record.getMap(key)
    /** Column [key] as Map, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getMapOrNull(key: String): Map<String, Value>? = record.getMapOrNull(key)
    /** Column [index] as Map; see `Record.getMap`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getMap(index: Int): Map<String, Value> = record.getMap(index)
    /** Column [index] as Map, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getMapOrNull(index: Int): Map<String, Value>? = record.getMapOrNull(index)
    /** Column [key] as Node; see `Record.getNode`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getNode(key: String): NodeValue = record.getNode(key)
    /** Column [key] as Node, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getNodeOrNull(key: String): NodeValue? = record.getNodeOrNull(key)
    /** Column [index] as Node; see `Record.getNode`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getNode(index: Int): NodeValue = record.getNode(index)
    /** Column [index] as Node, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getNodeOrNull(index: Int): NodeValue? = record.getNodeOrNull(index)
    /** Column [key] as Relationship; see `Record.getRelationship`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getRelationship(key: String): RelationshipValue = record.getRelationship(key)
    /** Column [key] as Relationship, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getRelationshipOrNull(key: String): RelationshipValue? = record.getRelationshipOrNull(key)
    /** Column [index] as Relationship; see `Record.getRelationship`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getRelationship(index: Int): RelationshipValue = record.getRelationship(index)
    /** Column [index] as Relationship, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getRelationshipOrNull(index: Int): RelationshipValue? = record.getRelationshipOrNull(index)
    /** Column [key] as Path; see `Record.getPath`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getPath(key: String): PathValue = record.getPath(key)
    /** Column [key] as Path, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getPathOrNull(key: String): PathValue? = record.getPathOrNull(key)
    /** Column [index] as Path; see `Record.getPath`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getPath(index: Int): PathValue = record.getPath(index)
    /** Column [index] as Path, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getPathOrNull(index: Int): PathValue? = record.getPathOrNull(index)
    /** Column [key] as Point2D; see `Record.getPoint2D`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getPoint2D(key: String): Point2DValue = record.getPoint2D(key)
    /** Column [key] as Point2D, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getPoint2DOrNull(key: String): Point2DValue? = record.getPoint2DOrNull(key)
    /** Column [index] as Point2D; see `Record.getPoint2D`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getPoint2D(index: Int): Point2DValue = record.getPoint2D(index)
    /** Column [index] as Point2D, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getPoint2DOrNull(index: Int): Point2DValue? = record.getPoint2DOrNull(index)
    /** Column [key] as Point3D; see `Record.getPoint3D`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getPoint3D(key: String): Point3DValue = record.getPoint3D(key)
    /** Column [key] as Point3D, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getPoint3DOrNull(key: String): Point3DValue? = record.getPoint3DOrNull(key)
    /** Column [index] as Point3D; see `Record.getPoint3D`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getPoint3D(index: Int): Point3DValue = record.getPoint3D(index)
    /** Column [index] as Point3D, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getPoint3DOrNull(index: Int): Point3DValue? = record.getPoint3DOrNull(index)
    /** Column [key] as Vector; see `Record.getVector`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getVector(key: String): VectorValue = record.getVector(key)
    /** Column [key] as Vector, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getVectorOrNull(key: String): VectorValue? = record.getVectorOrNull(key)
    /** Column [index] as Vector; see `Record.getVector`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getVector(index: Int): VectorValue = record.getVector(index)
    /** Column [index] as Vector, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getVectorOrNull(index: Int): VectorValue? = record.getVectorOrNull(index)
    /** Column [key] as LocalDate; see `Record.getLocalDate`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getLocalDate(key: String): LocalDate = record.getLocalDate(key)
    /** Column [key] as LocalDate, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getLocalDateOrNull(key: String): LocalDate? = record.getLocalDateOrNull(key)
    /** Column [index] as LocalDate; see `Record.getLocalDate`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getLocalDate(index: Int): LocalDate = record.getLocalDate(index)
    /** Column [index] as LocalDate, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getLocalDateOrNull(index: Int): LocalDate? = record.getLocalDateOrNull(index)
    /** Column [key] as OffsetTime; see `Record.getOffsetTime`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getOffsetTime(key: String): OffsetTime = record.getOffsetTime(key)
    /** Column [key] as OffsetTime, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getOffsetTimeOrNull(key: String): OffsetTime? = record.getOffsetTimeOrNull(key)
    /** Column [index] as OffsetTime; see `Record.getOffsetTime`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getOffsetTime(index: Int): OffsetTime = record.getOffsetTime(index)
    /** Column [index] as OffsetTime, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getOffsetTimeOrNull(index: Int): OffsetTime? = record.getOffsetTimeOrNull(index)
    /** Column [key] as LocalTime; see `Record.getLocalTime`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getLocalTime(key: String): LocalTime = record.getLocalTime(key)
    /** Column [key] as LocalTime, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getLocalTimeOrNull(key: String): LocalTime? = record.getLocalTimeOrNull(key)
    /** Column [index] as LocalTime; see `Record.getLocalTime`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getLocalTime(index: Int): LocalTime = record.getLocalTime(index)
    /** Column [index] as LocalTime, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getLocalTimeOrNull(index: Int): LocalTime? = record.getLocalTimeOrNull(index)
    /** Column [key] as LocalDateTime; see `Record.getLocalDateTime`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getLocalDateTime(key: String): LocalDateTime = record.getLocalDateTime(key)
    /** Column [key] as LocalDateTime, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getLocalDateTimeOrNull(key: String): LocalDateTime? = record.getLocalDateTimeOrNull(key)
    /** Column [index] as LocalDateTime; see `Record.getLocalDateTime`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getLocalDateTime(index: Int): LocalDateTime = record.getLocalDateTime(index)
    /** Column [index] as LocalDateTime, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getLocalDateTimeOrNull(index: Int): LocalDateTime? = record.getLocalDateTimeOrNull(index)
    /** Column [key] as ZonedDateTime; see `Record.getZonedDateTime`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getZonedDateTime(key: String): ZonedDateTime = record.getZonedDateTime(key)
    /** Column [key] as ZonedDateTime, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getZonedDateTimeOrNull(key: String): ZonedDateTime? = record.getZonedDateTimeOrNull(key)
    /** Column [index] as ZonedDateTime; see `Record.getZonedDateTime`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getZonedDateTime(index: Int): ZonedDateTime = record.getZonedDateTime(index)
    /** Column [index] as ZonedDateTime, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getZonedDateTimeOrNull(index: Int): ZonedDateTime? = record.getZonedDateTimeOrNull(index)
    /** Column [key] as Duration; see `Record.getDuration`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getDuration(key: String): DurationValue = record.getDuration(key)
    /** Column [key] as Duration, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getDurationOrNull(key: String): DurationValue? = record.getDurationOrNull(key)
    /** Column [index] as Duration; see `Record.getDuration`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getDuration(index: Int): DurationValue = record.getDuration(index)
    /** Column [index] as Duration, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getDurationOrNull(index: Int): DurationValue? = record.getDurationOrNull(index)
    /** Column [key] as UUID (Bolt 6.1+); see `Record.getUuid`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getUuid(key: String): UUID = record.getUuid(key)
    /** Column [key] as UUID, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getUuidOrNull(key: String): UUID? = record.getUuidOrNull(key)
    /** Column [index] as UUID (Bolt 6.1+); see `Record.getUuid`. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
    public fun getUuid(index: Int): UUID = record.getUuid(index)
    /** Column [index] as UUID, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
    public fun getUuidOrNull(index: Int): UUID? = record.getUuidOrNull(index)

    override fun equals(other: Any?): Boolean = other is JavaRecord && other.record == record
    override fun hashCode(): Int = record.hashCode()
    override fun toString(): String = record.toString()
}

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
 * The Cypher type name of this value, as used in error messages: `NULL`, `BOOLEAN`, `INTEGER`, `FLOAT`, `STRING`,
 * `BYTES`, `LIST`, `MAP`, `NODE`, `RELATIONSHIP`, `PATH`, `DATE`, `ZONED TIME`, `LOCAL TIME`, `LOCAL DATETIME`,
 * `ZONED DATETIME`, `DURATION`, `POINT`, `VECTOR`, `UUID`, or `STRUCT 0xNN` for an unknown structure. Pure function.
 */
public fun Value.typeName(): String = when (this) {
    NullValue -> "NULL"
    is BooleanValue -> "BOOLEAN"
    is IntegerValue -> "INTEGER"
    is FloatValue -> "FLOAT"
    is StringValue -> "STRING"
    is BytesValue -> "BYTES"
    is ListValue -> "LIST"
    is MapValue -> "MAP"
    is NodeValue -> "NODE"
    is RelationshipValue, is UnboundRelationshipValue -> "RELATIONSHIP"
    is PathValue -> "PATH"
    is DateValue -> "DATE"
    is TimeValue -> "ZONED TIME"
    is LocalTimeValue -> "LOCAL TIME"
    is LocalDateTimeValue -> "LOCAL DATETIME"
    is DateTimeValue, is DateTimeUnknownZoneValue -> "ZONED DATETIME"
    is DurationValue -> "DURATION"
    is Point2DValue, is Point3DValue -> "POINT"
    is VectorValue -> "VECTOR"
    is UuidValue -> "UUID"
    is UnknownStructValue -> "STRUCT 0x%02X".format(tag)
}

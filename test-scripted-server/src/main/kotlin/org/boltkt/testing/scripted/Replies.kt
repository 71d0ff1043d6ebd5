package org.boltkt.testing.scripted

import org.boltkt.protocol.message.Response
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.BytesValue
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.DateValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.LocalDateTimeValue
import org.boltkt.protocol.value.LocalTimeValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.TimeValue
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.value.Value
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZonedDateTime
import java.util.UUID

/**
 * Converts a Kotlin native to a [Value]: null, [Value] (unchanged), String/Char, Byte/Short/Int/Long, Float/Double,
 * Boolean, ByteArray, java.time dates and times, UUID, Map (keys via toString), List/Iterable/Array/Sequence.
 *
 * @throws IllegalArgumentException for anything else.
 */
fun toValue(x: Any?): Value = when (x) {
    null -> NullValue
    is Value -> x
    is String -> StringValue(x)
    is Char -> StringValue(x.toString())
    is Boolean -> BooleanValue.of(x)
    is Byte -> IntegerValue(x.toLong())
    is Short -> IntegerValue(x.toLong())
    is Int -> IntegerValue(x.toLong())
    is Long -> IntegerValue(x)
    is Float -> FloatValue(x.toDouble())
    is Double -> FloatValue(x)
    is ByteArray -> BytesValue(x.copyOf())
    is LocalDate -> DateValue(x)
    is LocalTime -> LocalTimeValue(x)
    is OffsetTime -> TimeValue(x)
    is LocalDateTime -> LocalDateTimeValue(x)
    is ZonedDateTime -> DateTimeValue(x)
    is UUID -> UuidValue(x)
    is Map<*, *> -> MapValue(x.entries.associate { (k, v) -> k.toString() to toValue(v) })
    is Iterable<*> -> ListValue(x.map(::toValue))
    is Array<*> -> ListValue(x.map(::toValue))
    is Sequence<*> -> ListValue(x.map(::toValue).toList())
    else -> throw IllegalArgumentException("cannot convert ${x::class.qualifiedName} to a Bolt value")
}

/** Converts `key to native` pairs to a metadata map (insertion order kept). */
fun valueMap(vararg pairs: Pair<String, Any?>): Map<String, Value> = pairs.associate { it.first to toValue(it.second) }

/**
 * The inverse of [toValue] for the basic types: Null → null, Boolean, Long, Double, String, ByteArray,
 * List, Map; temporal values to their java.time value, a UUID to `java.util.UUID`; anything else (graph entities, points...) stays a [Value].
 */
fun Value.toNative(): Any? = when (this) {
    NullValue -> null
    is BooleanValue -> value
    is IntegerValue -> value
    is FloatValue -> value
    is StringValue -> value
    is BytesValue -> value
    is ListValue -> values.map { it.toNative() }
    is MapValue -> entries.mapValues { it.value.toNative() }
    is DateValue -> value
    is TimeValue -> value
    is LocalTimeValue -> value
    is LocalDateTimeValue -> value
    is DateTimeValue -> value
    is UuidValue -> value
    else -> this
}

/** SUCCESS with the given metadata, e.g. `success("fields" to listOf("n"), "t_first" to 1)`. */
fun success(vararg metadata: Pair<String, Any?>): Response.Success = Response.Success(valueMap(*metadata))

/** SUCCESS with a metadata map of natives or [Value]s. */
fun success(metadata: Map<String, Any?>): Response.Success =
    Response.Success(metadata.mapValues { toValue(it.value) })

/** RECORD with one value per column, natives or [Value]s: `record(1, "a", null)`. */
fun record(vararg values: Any?): Response.Record = Response.Record(values.map(::toValue))

/** IGNORED. */
fun ignored(): Response.Ignored = Response.Ignored

/**
 * A FAILURE with a Neo4j status [code] and [message]. Sent as `{code, message}` before Bolt 5.7; from 5.7 in the
 * GQL shape with `neo4j_code` = [code], `gql_status` 50N42 and a generic description (see [ResponseEncoder]).
 */
fun failure(code: String, message: String): Response.Failure = Response.Failure(code, message)

/**
 * A 5.7+ GQL FAILURE. [code] becomes `neo4j_code`; [diagnosticRecord] defaults to what Neo4j sends
 * (`OPERATION`, `OPERATION_CODE`, `CURRENT_SCHEMA`). Before 5.7 only [code] and [message] go on the wire.
 */
fun gqlFailure(
    gqlStatus: String,
    message: String,
    description: String = "error: $message",
    code: String = Response.UNKNOWN_CODE,
    diagnosticRecord: Map<String, Any?>? = DEFAULT_DIAGNOSTIC_RECORD,
    cause: Response.GqlCause? = null,
): Response.Failure = Response.Failure(
    code = code,
    message = message,
    gqlStatus = gqlStatus,
    description = description,
    diagnosticRecord = diagnosticRecord?.mapValues { toValue(it.value) },
    cause = cause,
)

/** One link of a GQL failure's `cause` chain, for [gqlFailure]. */
fun gqlCause(
    gqlStatus: String,
    message: String,
    description: String = "error: $message",
    diagnosticRecord: Map<String, Any?>? = DEFAULT_DIAGNOSTIC_RECORD,
    cause: Response.GqlCause? = null,
): Response.GqlCause = Response.GqlCause(gqlStatus, description, message, diagnosticRecord?.mapValues { toValue(it.value) }, cause)

/** The diagnostic record Neo4j attaches to GQL failures by default. */
val DEFAULT_DIAGNOSTIC_RECORD: Map<String, Any?> = mapOf("OPERATION" to "", "OPERATION_CODE" to "0", "CURRENT_SCHEMA" to "/")

package org.boltkt.client.value

import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.BytesValue
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.DateValue
import org.boltkt.protocol.value.DurationValue
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
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.OffsetTime
import java.time.Period
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.util.UUID

/**
 * Conversions from Kotlin/Java values to the wire [Value] model, used for query parameters.
 *
 * Mapping of [of] (anything else is rejected):
 * - `null` → [NullValue]; a [Value] → itself (so graph values, points, durations and vectors pass through);
 * - `Boolean` → [BooleanValue]; `Byte`, `Short`, `Int`, `Long`, `UByte`, `UShort`, `UInt` → [IntegerValue];
 *   `ULong` → [IntegerValue] when it fits a signed 64-bit integer;
 * - `Float`, `Double` → [FloatValue] (a `Float` is widened exactly, so `0.1f` becomes `0.10000000149011612`);
 * - `String`, `Char`, any other `CharSequence`, `CharArray` → [StringValue];
 * - `ByteArray` → [BytesValue] (copied, so later changes to the array do not leak into the value);
 * - `Iterable`, `Array`, `Sequence` and the primitive arrays other than `ByteArray`/`CharArray` → [ListValue],
 *   elements converted recursively (a `Sequence` is consumed once);
 * - `Map` with `String` keys → [MapValue], values converted recursively, iteration order kept;
 * - `LocalDate` → [DateValue], `OffsetTime` → [TimeValue], `LocalTime` → [LocalTimeValue],
 *   `LocalDateTime` → [LocalDateTimeValue], `ZonedDateTime` → [DateTimeValue],
 *   `OffsetDateTime` → [DateTimeValue] with the offset as zone, `Instant` → [DateTimeValue] in UTC
 *   (reading it back yields a `ZonedDateTime` at offset `Z`);
 * - `java.time.Duration` → [DurationValue] of seconds and nanoseconds only; `java.time.Period` → [DurationValue]
 *   of months (years × 12 + months) and days;
 * - `java.util.UUID` → [UuidValue] (Neo4j's UUID type; only a Bolt 6.1+ connection can send it, an older one
 *   fails before sending with a [org.boltkt.client.error.ClientException] saying to send `toString()` instead).
 *
 * Stateless and thread-safe. The input collections are read once during the call; the result is independent of them.
 */
public object Values {
    /**
     * Converts [value] as described on [Values].
     * @throws IllegalArgumentException for a type that has no Cypher equivalent (the message names the type and
     *   suggests a conversion), for a map key that is not a `String`, or for a `ULong` above `Long.MAX_VALUE`.
     */
    @JvmStatic
    public fun of(value: Any?): Value = when (value) {
        null -> NullValue
        is Value -> value
        is String -> StringValue(value)
        is Long -> IntegerValue(value)
        is Int -> IntegerValue(value.toLong())
        is Boolean -> BooleanValue.of(value)
        is Double -> FloatValue(value)
        is Map<*, *> -> MapValue(mapOf(value))
        is Iterable<*> -> ListValue(value.map { of(it) })
        else -> ofOther(value)
    }

    /** Builds a parameter map from [pairs], converting each value with [of]. Later duplicates win. */
    @JvmStatic
    public fun parameters(vararg pairs: Pair<String, Any?>): Map<String, Value> {
        if (pairs.isEmpty()) return emptyMap()
        val out = LinkedHashMap<String, Value>(pairs.size * 2)
        for ((k, v) in pairs) out[k] = of(v)
        return out
    }

    /**
     * Converts a parameter map (e.g. the `parameters` of `run`), each value with [of].
     * @throws IllegalArgumentException naming the parameter whose value cannot be sent.
     */
    @JvmStatic
    public fun parameters(parameters: Map<String, Any?>): Map<String, Value> {
        if (parameters.isEmpty()) return emptyMap()
        val out = LinkedHashMap<String, Value>(parameters.size * 2)
        for ((k, v) in parameters) {
            out[k] = try {
                of(v)
            } catch (e: IllegalArgumentException) {
                throw IllegalArgumentException("parameter '$k': ${e.message}", e)
            }
        }
        return out
    }

    private fun mapOf(map: Map<*, *>): Map<String, Value> {
        if (map.isEmpty()) return emptyMap()
        val out = LinkedHashMap<String, Value>(map.size * 2)
        for ((k, v) in map) {
            require(k is String) {
                "map keys must be Strings to be sent to Cypher, got key $k of type ${k?.let { it::class.java.name } ?: "null"}; " +
                    "convert the keys with toString()"
            }
            out[k] = of(v)
        }
        return out
    }

    private fun ofOther(value: Any): Value = when (value) {
        is Byte -> IntegerValue(value.toLong())
        is Short -> IntegerValue(value.toLong())
        is Float -> FloatValue(value.toDouble())
        is Char -> StringValue(value.toString())
        is CharSequence -> StringValue(value.toString())
        is UByte -> IntegerValue(value.toLong())
        is UShort -> IntegerValue(value.toLong())
        is UInt -> IntegerValue(value.toLong())
        is ULong -> {
            require(value <= Long.MAX_VALUE.toULong()) { "ULong $value does not fit a Cypher INTEGER (signed 64-bit)" }
            IntegerValue(value.toLong())
        }
        is ByteArray -> BytesValue(value.copyOf())
        is CharArray -> StringValue(String(value))
        is Array<*> -> ListValue(value.map { of(it) })
        is IntArray -> ListValue(value.map { IntegerValue(it.toLong()) })
        is LongArray -> ListValue(value.map { IntegerValue(it) })
        is ShortArray -> ListValue(value.map { IntegerValue(it.toLong()) })
        is DoubleArray -> ListValue(value.map { FloatValue(it) })
        is FloatArray -> ListValue(value.map { FloatValue(it.toDouble()) })
        is BooleanArray -> ListValue(value.map { BooleanValue.of(it) })
        is Sequence<*> -> ListValue(value.map { of(it) }.toList())
        is LocalDate -> DateValue(value)
        is OffsetTime -> TimeValue(value)
        is LocalTime -> LocalTimeValue(value)
        is LocalDateTime -> LocalDateTimeValue(value)
        is ZonedDateTime -> DateTimeValue(value)
        is OffsetDateTime -> DateTimeValue(value.toZonedDateTime())
        is Instant -> DateTimeValue(value.atZone(ZoneOffset.UTC))
        is java.time.Duration -> DurationValue(0, 0, value.seconds, value.nano.toLong())
        is Period -> DurationValue(value.toTotalMonths(), value.days.toLong(), 0, 0)
        is UUID -> UuidValue(value)
        else -> throw IllegalArgumentException(unsupported(value))
    }

    private fun unsupported(value: Any): String {
        val type = value::class.java.name
        val fix = when (value) {
            is java.math.BigInteger -> "convert it to a Long, or to a String to keep every digit"
            is java.math.BigDecimal -> "convert it to a Double, or to a String to keep the exact decimal"
            is Enum<*> -> "send its name (or ordinal) instead"
            is java.util.Date -> "convert it to a java.time type, e.g. toInstant()"
            is java.util.Optional<*> -> "unwrap it with orElse(null)"
            is Pair<*, *>, is Triple<*, *, *> -> "convert it to a List or a Map"
            else -> "convert it to a supported type (Boolean, Long, Double, String, ByteArray, List, Map, java.time)"
        }
        return "$type cannot be sent as a Cypher parameter; $fix"
    }
}

/** Converts this value with [Values.of]. @throws IllegalArgumentException as [Values.of] does. */
public fun Any?.toValue(): Value = Values.of(this)

/** Shorthand for [Values.parameters]: `parameters("name" to "Ann", "age" to 42)`. */
public fun parameters(vararg pairs: Pair<String, Any?>): Map<String, Value> = Values.parameters(*pairs)

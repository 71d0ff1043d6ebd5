package org.boltkt.client.mapping

import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.DateValue
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.LocalDateTimeValue
import org.boltkt.protocol.value.LocalTimeValue
import org.boltkt.protocol.value.TimeValue
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.value.Value
import java.time.format.DateTimeFormatter
import kotlin.time.Duration
import kotlin.time.Duration.Companion.days
import kotlin.time.Duration.Companion.nanoseconds
import kotlin.time.Duration.Companion.seconds

/**
 * ISO-8601 text of temporal values (and a UUID's canonical text), for properties whose serializer reads a string
 * (kotlinx-datetime, kotlin.time, `kotlin.uuid.Uuid`, a user's own): a zoned date-time as its offset form
 * (`2024-05-01T10:00:00+02:00`), which every parser accepts.
 */
internal object Iso {
    fun text(value: Value): String? = when (value) {
        is DateValue -> value.value.toString()
        is TimeValue -> value.value.toString()
        is LocalTimeValue -> value.value.toString()
        is LocalDateTimeValue -> value.value.toString()
        is DateTimeValue -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.value)
        is DurationValue -> "P${value.months}M${value.days}DT${value.seconds}.${value.nanos.toString().padStart(9, '0')}S"
        is UuidValue -> value.value.toString()
        else -> null
    }
}

/** Cypher durations as fixed-length durations: possible only without months (a day counts 24 hours). */
internal object Durations {
    fun kotlin(d: DurationValue): Duration {
        if (d.months != 0L) throw monthsProblem(d, "kotlin.time.Duration")
        return d.days.days + d.seconds.seconds + d.nanos.nanoseconds
    }

    fun java(d: DurationValue): java.time.Duration {
        if (d.months != 0L) throw monthsProblem(d, "java.time.Duration")
        return java.time.Duration.ofDays(d.days).plusSeconds(d.seconds).plusNanos(d.nanos)
    }

    fun period(d: DurationValue): java.time.Period {
        if (d.seconds != 0L || d.nanos != 0L) {
            throw MappingProblem("DURATION", "declare the property as java.time.Duration or a class with months/days/seconds/nanoseconds", "java.time.Period", "it has a time part")
        }
        return java.time.Period.of(0, Math.toIntExact(d.months), Math.toIntExact(d.days))
    }

    private fun monthsProblem(d: DurationValue, declared: String) =
        MappingProblem(
            "DURATION",
            "declare the property as java.time.Period (date part) or a class with months/days/seconds/nanoseconds properties",
            declared,
            "${d.months} months have no fixed length",
        )
}

package org.boltkt.protocol.value

import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZonedDateTime

/** A calendar date (struct `D`). */
public data class DateValue(public val value: LocalDate) : Value

/** A time of day with a UTC offset (struct `T`), nanosecond precision. */
public data class TimeValue(public val value: OffsetTime) : Value

/** A time of day without zone (struct `t`). */
public data class LocalTimeValue(public val value: LocalTime) : Value

/** A date-time without zone (struct `d`). */
public data class LocalDateTimeValue(public val value: LocalDateTime) : Value

/**
 * A zoned date-time. A [ZonedDateTime] whose zone is a `ZoneOffset` travels as the offset form (struct `I`, or
 * legacy `F`); any other zone travels by zone id (struct `i`, or legacy `f`).
 */
public data class DateTimeValue(public val value: ZonedDateTime) : Value

/**
 * A zone-id date-time whose zone id this JVM's time-zone database does not know (or cannot parse), kept as the
 * raw wire fields so the stream does not break and the value can be sent back unchanged.
 *
 * @property seconds seconds since the epoch: UTC-based when [utc] (struct `i`), local wall-clock based otherwise
 *   (legacy struct `f`).
 * @property nanos nanoseconds of the second.
 * @property zoneId the zone id exactly as the server sent it.
 */
public data class DateTimeUnknownZoneValue(
    public val seconds: Long,
    public val nanos: Long,
    public val zoneId: String,
    public val utc: Boolean,
) : Value

/**
 * A Cypher duration (struct `E`). `java.time` cannot represent it: months, days and seconds are independent and
 * each may be negative. Kept exactly as on the wire.
 */
public data class DurationValue(
    public val months: Long,
    public val days: Long,
    public val seconds: Long,
    public val nanos: Long,
) : Value

package org.boltkt.client.mapping

import kotlinx.serialization.KSerializer
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.PrimitiveSerialDescriptor
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.DateValue
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.LocalDateTimeValue
import org.boltkt.protocol.value.LocalTimeValue
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
import java.time.ZonedDateTime
import java.util.UUID

/**
 * Serializers for JVM value types, so a `@Serializable` class can hold them: in typed results they read the Bolt
 * value natively (a `DATE` into [LocalDate], …) and also accept its ISO-8601 string; in other formats they write and
 * read ISO-8601 strings. Their serial name is the Java class name. Use them with
 * `@file:UseSerializers(LocalDateSerializer::class, …)`, `@Serializable(with = …)`, or plain `@Contextual` (typed
 * results register them all as contextual serializers). Stateless and thread-safe.
 */
public abstract class BoltScalarSerializer<T : Any> internal constructor(javaName: String) : KSerializer<T> {
    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor(javaName, PrimitiveKind.STRING)

    internal abstract fun fromValue(value: Value): T?
    internal abstract fun parse(text: String): T
    internal open fun text(value: T): String = value.toString()

    /** Writes the ISO-8601 text. */
    override fun serialize(encoder: Encoder, value: T): Unit = encoder.encodeString(text(value))

    /**
     * Reads the value natively from a typed result (a mismatch raises
     * [org.boltkt.client.error.ResultMappingException]), from any other decoder as ISO-8601 text.
     */
    override fun deserialize(decoder: Decoder): T {
        if (decoder !is BoltDecoder) return parse(decoder.decodeString())
        val input = decoder.input
        return when (input.peekType()) {
            InputType.STRING -> parse(input.readString())
            InputType.NULL -> throw MappingProblem.nullIntoNonNull(descriptor.serialName)
            else -> {
                val name = input.peekTypeName()
                fromValue(input.readValue()) ?: throw MappingProblem.typeMismatch(name, descriptor.serialName)
            }
        }
    }
}

/** `DATE` ↔ [LocalDate]. */
public object LocalDateSerializer : BoltScalarSerializer<LocalDate>("java.time.LocalDate") {
    override fun fromValue(value: Value): LocalDate? = (value as? DateValue)?.value
    override fun parse(text: String): LocalDate = LocalDate.parse(text)
}

/** `LOCAL TIME` ↔ [LocalTime]. */
public object LocalTimeSerializer : BoltScalarSerializer<LocalTime>("java.time.LocalTime") {
    override fun fromValue(value: Value): LocalTime? = (value as? LocalTimeValue)?.value
    override fun parse(text: String): LocalTime = LocalTime.parse(text)
}

/** `LOCAL DATETIME` ↔ [LocalDateTime]. */
public object LocalDateTimeSerializer : BoltScalarSerializer<LocalDateTime>("java.time.LocalDateTime") {
    override fun fromValue(value: Value): LocalDateTime? = (value as? LocalDateTimeValue)?.value
    override fun parse(text: String): LocalDateTime = LocalDateTime.parse(text)
}

/** `ZONED TIME` ↔ [OffsetTime]. */
public object OffsetTimeSerializer : BoltScalarSerializer<OffsetTime>("java.time.OffsetTime") {
    override fun fromValue(value: Value): OffsetTime? = (value as? TimeValue)?.value
    override fun parse(text: String): OffsetTime = OffsetTime.parse(text)
}

/** `ZONED DATETIME` ↔ [ZonedDateTime] (zone id or offset as sent). */
public object ZonedDateTimeSerializer : BoltScalarSerializer<ZonedDateTime>("java.time.ZonedDateTime") {
    override fun fromValue(value: Value): ZonedDateTime? = (value as? DateTimeValue)?.value
    override fun parse(text: String): ZonedDateTime = ZonedDateTime.parse(text)
}

/** `ZONED DATETIME` ↔ [OffsetDateTime] (a zone id becomes its offset at that instant). */
public object OffsetDateTimeSerializer : BoltScalarSerializer<OffsetDateTime>("java.time.OffsetDateTime") {
    override fun fromValue(value: Value): OffsetDateTime? = (value as? DateTimeValue)?.value?.toOffsetDateTime()
    override fun parse(text: String): OffsetDateTime = OffsetDateTime.parse(text)
}

/** `ZONED DATETIME` ↔ [Instant]. */
public object InstantSerializer : BoltScalarSerializer<Instant>("java.time.Instant") {
    override fun fromValue(value: Value): Instant? = (value as? DateTimeValue)?.value?.toInstant()
    override fun parse(text: String): Instant = OffsetDateTime.parse(text).toInstant()
}

/** `DURATION` without months ↔ [java.time.Duration] (a day counts 24 hours). */
public object JavaDurationSerializer : BoltScalarSerializer<java.time.Duration>("java.time.Duration") {
    override fun fromValue(value: Value): java.time.Duration? = (value as? DurationValue)?.let(Durations::java)
    override fun parse(text: String): java.time.Duration = java.time.Duration.parse(text)
}

/** `DURATION` without a time part ↔ [Period]. */
public object PeriodSerializer : BoltScalarSerializer<Period>("java.time.Period") {
    override fun fromValue(value: Value): Period? = (value as? DurationValue)?.let(Durations::period)
    override fun parse(text: String): Period = Period.parse(text)
}

/** A `STRING` in UUID form (or, with Bolt 6.1, a UUID value) ↔ [UUID]. */
public object UuidSerializer : BoltScalarSerializer<UUID>("java.util.UUID") {
    override fun fromValue(value: Value): UUID? = (value as? UuidValue)?.value
    override fun parse(text: String): UUID = UUID.fromString(text)
}

@file:JvmName("RecordTemporalGetters")

package org.boltkt.client.record

import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZonedDateTime
import org.boltkt.client.value.asDuration
import org.boltkt.client.value.asDurationOrNull
import org.boltkt.client.value.asLocalDate
import org.boltkt.client.value.asLocalDateOrNull
import org.boltkt.client.value.asLocalDateTime
import org.boltkt.client.value.asLocalDateTimeOrNull
import org.boltkt.client.value.asLocalTime
import org.boltkt.client.value.asLocalTimeOrNull
import org.boltkt.client.value.asOffsetTime
import org.boltkt.client.value.asOffsetTimeOrNull
import org.boltkt.client.value.asZonedDateTime
import org.boltkt.client.value.asZonedDateTimeOrNull
import org.boltkt.protocol.value.DurationValue

// Typed getters of Record by column name and by index; the shared contract is described in RecordColumnReads.kt.

/** Column [key] as DATE. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getLocalDate(key: String): LocalDate = readKey(key, "getLocalDate") { it.asLocalDate() }

/** Column [index] as DATE. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getLocalDate(index: Int): LocalDate = readIndex(index, "getLocalDate") { it.asLocalDate() }

/** Column [key] as DATE, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getLocalDateOrNull(key: String): LocalDate? = readKey(key, "getLocalDateOrNull") { it.asLocalDateOrNull() }

/** Column [index] as DATE, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getLocalDateOrNull(index: Int): LocalDate? = readIndex(index, "getLocalDateOrNull") { it.asLocalDateOrNull() }

/** Column [key] as ZONED TIME. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getOffsetTime(key: String): OffsetTime = readKey(key, "getOffsetTime") { it.asOffsetTime() }

/** Column [index] as ZONED TIME. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getOffsetTime(index: Int): OffsetTime = readIndex(index, "getOffsetTime") { it.asOffsetTime() }

/** Column [key] as ZONED TIME, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getOffsetTimeOrNull(key: String): OffsetTime? = readKey(key, "getOffsetTimeOrNull") { it.asOffsetTimeOrNull() }

/** Column [index] as ZONED TIME, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getOffsetTimeOrNull(index: Int): OffsetTime? = readIndex(index, "getOffsetTimeOrNull") { it.asOffsetTimeOrNull() }

/** Column [key] as LOCAL TIME. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getLocalTime(key: String): LocalTime = readKey(key, "getLocalTime") { it.asLocalTime() }

/** Column [index] as LOCAL TIME. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getLocalTime(index: Int): LocalTime = readIndex(index, "getLocalTime") { it.asLocalTime() }

/** Column [key] as LOCAL TIME, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getLocalTimeOrNull(key: String): LocalTime? = readKey(key, "getLocalTimeOrNull") { it.asLocalTimeOrNull() }

/** Column [index] as LOCAL TIME, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getLocalTimeOrNull(index: Int): LocalTime? = readIndex(index, "getLocalTimeOrNull") { it.asLocalTimeOrNull() }

/** Column [key] as LOCAL DATETIME. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getLocalDateTime(key: String): LocalDateTime = readKey(key, "getLocalDateTime") { it.asLocalDateTime() }

/** Column [index] as LOCAL DATETIME. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getLocalDateTime(index: Int): LocalDateTime = readIndex(index, "getLocalDateTime") { it.asLocalDateTime() }

/** Column [key] as LOCAL DATETIME, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getLocalDateTimeOrNull(key: String): LocalDateTime? = readKey(key, "getLocalDateTimeOrNull") { it.asLocalDateTimeOrNull() }

/** Column [index] as LOCAL DATETIME, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getLocalDateTimeOrNull(index: Int): LocalDateTime? = readIndex(index, "getLocalDateTimeOrNull") { it.asLocalDateTimeOrNull() }

/** Column [key] as ZONED DATETIME with a zone known to this JVM. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getZonedDateTime(key: String): ZonedDateTime = readKey(key, "getZonedDateTime") { it.asZonedDateTime() }

/** Column [index] as ZONED DATETIME with a zone known to this JVM. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getZonedDateTime(index: Int): ZonedDateTime = readIndex(index, "getZonedDateTime") { it.asZonedDateTime() }

/** Column [key] as ZONED DATETIME with a zone known to this JVM, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getZonedDateTimeOrNull(key: String): ZonedDateTime? = readKey(key, "getZonedDateTimeOrNull") { it.asZonedDateTimeOrNull() }

/** Column [index] as ZONED DATETIME with a zone known to this JVM, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getZonedDateTimeOrNull(index: Int): ZonedDateTime? = readIndex(index, "getZonedDateTimeOrNull") { it.asZonedDateTimeOrNull() }

/** Column [key] as DURATION. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getDuration(key: String): DurationValue = readKey(key, "getDuration") { it.asDuration() }

/** Column [index] as DURATION. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getDuration(index: Int): DurationValue = readIndex(index, "getDuration") { it.asDuration() }

/** Column [key] as DURATION, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getDurationOrNull(key: String): DurationValue? = readKey(key, "getDurationOrNull") { it.asDurationOrNull() }

/** Column [index] as DURATION, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getDurationOrNull(index: Int): DurationValue? = readIndex(index, "getDurationOrNull") { it.asDurationOrNull() }

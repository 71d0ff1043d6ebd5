package org.boltkt.client.admin.internal

import org.boltkt.client.admin.Admin
import org.boltkt.client.record.Record
import org.boltkt.client.value.asObject
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.Value
import java.time.Duration
import java.time.Instant
import java.time.OffsetDateTime
import java.time.ZonedDateTime
import java.time.format.DateTimeParseException

/**
 * Typed, lenient reads of one row of an administration command: a column the server did not send, or sent as null,
 * reads as null (servers add and rename columns between versions; [Admin] promises null for what is not reported).
 */
internal class AdminRow(private val record: Record) {
    private fun value(key: String): Value? = if (key in record.keys) record[key].takeUnless { it === NullValue } else null

    /** The column as a string; [blankIsNull] maps Neo4j's "" for "not available" to null. */
    fun string(key: String, blankIsNull: Boolean = true): String? {
        val text = value(key)?.asObject()?.toString() ?: return null
        return text.takeUnless { blankIsNull && it.isBlank() }
    }

    /** The first of [keys] the row has (a column renamed between server versions). */
    fun stringOf(vararg keys: String): String? = keys.firstNotNullOfOrNull { string(it) }

    fun boolean(key: String): Boolean? = value(key)?.asObject() as? Boolean

    fun long(key: String): Long? = (value(key)?.asObject() as? Number)?.toLong()

    fun strings(key: String): List<String> = (value(key)?.asObject() as? List<*>).orEmpty().mapNotNull { it?.toString() }

    fun map(key: String): Map<String, Any?> =
        (value(key)?.asObject() as? Map<*, *>).orEmpty().entries.associate { (k, v) -> k.toString() to v }

    /** A Cypher DURATION (months and days as 30 and 1 days of seconds: elapsed times never have them). */
    fun duration(key: String): Duration? = (value(key) as? DurationValue)?.let {
        Duration.ofSeconds((it.months * 30 + it.days) * SECONDS_PER_DAY + it.seconds, it.nanos)
    }

    /** A point in time sent as a date-time value or as an ISO-8601 string (Neo4j's `startTime`). */
    fun instant(key: String): Instant? = when (val v = value(key)?.asObject()) {
        is ZonedDateTime -> v.toInstant()
        is OffsetDateTime -> v.toInstant()
        is Instant -> v
        is String -> parseInstant(v)
        else -> null
    }

    private fun parseInstant(text: String): Instant? = try {
        OffsetDateTime.parse(text).toInstant()
    } catch (_: DateTimeParseException) {
        null
    }

    private companion object {
        const val SECONDS_PER_DAY = 86_400L
    }
}

package org.boltkt.protocol.value

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.packstream.StructHeader
import java.time.DateTimeException
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime

/** Temporal structures; returns null for tags that are not temporal in [ValueFormat] so the caller keeps them whole. */
internal object TemporalDecoder {
    fun read(r: PackStreamReader, f: ValueFormat, h: StructHeader, at: Int): Value? {
        val utcTags = f.utcDateTime
        return try {
            when (h.tag) {
                StructTags.DATE -> { fields(h, 1, at); DateValue(LocalDate.ofEpochDay(r.readInt())) }
                StructTags.TIME -> {
                    fields(h, 2, at)
                    val nanos = r.readInt()
                    TimeValue(OffsetTime.of(LocalTime.ofNanoOfDay(nanos), offset(r.readInt(), at)))
                }
                StructTags.LOCAL_TIME -> { fields(h, 1, at); LocalTimeValue(LocalTime.ofNanoOfDay(r.readInt())) }
                StructTags.LOCAL_DATE_TIME -> {
                    fields(h, 2, at)
                    val s = r.readInt()
                    LocalDateTimeValue(LocalDateTime.ofEpochSecond(s, nanos(r.readInt(), at), ZoneOffset.UTC))
                }
                StructTags.DATE_TIME -> if (!utcTags) null else {
                    fields(h, 3, at)
                    val s = r.readInt(); val n = nanos(r.readInt(), at)
                    DateTimeValue(ZonedDateTime.ofInstant(Instant.ofEpochSecond(s, n.toLong()), offset(r.readInt(), at)))
                }
                StructTags.LEGACY_DATE_TIME -> if (utcTags) null else {
                    fields(h, 3, at)
                    val s = r.readInt(); val n = nanos(r.readInt(), at)
                    DateTimeValue(ZonedDateTime.of(LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC), offset(r.readInt(), at)))
                }
                StructTags.DATE_TIME_ZONE_ID -> if (!utcTags) null else zoned(r, h, at, utc = true)
                StructTags.LEGACY_DATE_TIME_ZONE_ID -> if (utcTags) null else zoned(r, h, at, utc = false)
                else -> null
            }
        } catch (e: DateTimeException) {
            throw BoltProtocolException("temporal value out of range: ${e.message}", at, e)
        } catch (e: ArithmeticException) {
            throw BoltProtocolException("temporal value out of range: ${e.message}", at, e)
        }
    }

    private fun zoned(r: PackStreamReader, h: StructHeader, at: Int, utc: Boolean): Value {
        fields(h, 3, at)
        val s = r.readInt()
        val n = nanos(r.readInt(), at)
        val id = r.readString()
        val zone = try { ZoneId.of(id) } catch (e: DateTimeException) {
            return DateTimeUnknownZoneValue(s, n.toLong(), id, utc)
        }
        return if (utc) {
            DateTimeValue(ZonedDateTime.ofInstant(Instant.ofEpochSecond(s, n.toLong()), zone))
        } else {
            // Legacy local seconds can be ambiguous in an overlap; like the spec's reference drivers we take the
            // earlier offset.
            DateTimeValue(ZonedDateTime.ofLocal(LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC), zone, null))
        }
    }

    private fun fields(h: StructHeader, n: Int, at: Int) = StructDecoder.fields(h, n, at)

    private fun nanos(v: Long, at: Int): Int {
        if (v !in 0..999_999_999) throw BoltProtocolException("nanoseconds $v out of range", at)
        return v.toInt()
    }

    private fun offset(v: Long, at: Int): ZoneOffset {
        if (v !in -64_800..64_800) throw BoltProtocolException("UTC offset of $v seconds out of range", at)
        return ZoneOffset.ofTotalSeconds(v.toInt())
    }
}

package org.boltkt.protocol.value

import io.kotest.property.Arb
import io.kotest.property.RandomSource
import io.kotest.property.arbitrary.arbitrary
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime

/** Generators for every sendable value, nested up to a small depth. */
object ValueArbs {
    private val zones: List<String> = ZoneId.getAvailableZoneIds().sorted()

    fun string(rs: RandomSource, maxLen: Int = 40): String {
        val r = rs.random
        val sb = StringBuilder()
        repeat(r.nextInt(0, maxLen)) {
            val cp = when (r.nextInt(4)) {
                0 -> r.nextInt(0x20, 0x7F)
                1 -> r.nextInt(0x80, 0x800)
                2 -> r.nextInt(0x800, 0xD800)
                else -> r.nextInt(0x10000, 0x110000)
            }
            sb.appendCodePoint(cp)
        }
        return sb.toString()
    }

    fun scalar(rs: RandomSource, format: ValueFormat): Value {
        val r = rs.random
        return when (r.nextInt(16 + (if (format.vectors) 1 else 0) + (if (format.uuids) 1 else 0))) {
            0 -> NullValue
            1 -> BooleanValue.of(r.nextBoolean())
            2 -> IntegerValue(edgeOrRandomLong(rs))
            3 -> FloatValue(if (r.nextInt(8) == 0) listOf(Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.MIN_VALUE)[r.nextInt(4)] else r.nextDouble(-1e300, 1e300))
            4 -> StringValue(string(rs))
            5 -> BytesValue(r.nextBytes(r.nextInt(0, 300)))
            6 -> DateValue(LocalDate.ofEpochDay(r.nextLong(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())))
            7 -> LocalTimeValue(LocalTime.ofNanoOfDay(r.nextLong(0, 86_400_000_000_000)))
            8 -> TimeValue(OffsetTime.of(LocalTime.ofNanoOfDay(r.nextLong(0, 86_400_000_000_000)), offset(rs)))
            9 -> LocalDateTimeValue(LocalDateTime.ofEpochSecond(r.nextLong(-100_000_000_000, 100_000_000_000), r.nextInt(0, 1_000_000_000), ZoneOffset.UTC))
            10 -> DateTimeValue(ZonedDateTime.ofInstant(instant(rs), offset(rs)))
            11 -> DateTimeValue(ZonedDateTime.ofInstant(instant(rs), ZoneId.of(zones[r.nextInt(zones.size)])))
            12 -> DurationValue(edgeOrRandomLong(rs), edgeOrRandomLong(rs), edgeOrRandomLong(rs), edgeOrRandomLong(rs))
            13 -> Point2DValue(r.nextLong(), r.nextDouble(), r.nextDouble())
            14 -> Point3DValue(r.nextLong(), r.nextDouble(), r.nextDouble(), r.nextDouble())
            15 -> DateTimeUnknownZoneValue(r.nextLong(-1_000_000, 1_000_000), r.nextLong(0, 1_000_000_000), "Nowhere/" + r.nextInt(1000), format.utcDateTime)
            16 -> vector(rs)
            else -> UuidValue(java.util.UUID(r.nextLong(), r.nextLong()))
        }
    }

    fun value(rs: RandomSource, format: ValueFormat, depth: Int = 3): Value {
        val r = rs.random
        if (depth == 0 || r.nextInt(3) != 0) return scalar(rs, format)
        return if (r.nextBoolean()) {
            ListValue(List(r.nextInt(0, 20)) { value(rs, format, depth - 1) })
        } else {
            MapValue((0 until r.nextInt(0, 20)).associate { string(rs, 10) to value(rs, format, depth - 1) })
        }
    }

    fun arb(format: ValueFormat): Arb<Value> = arbitrary { rs -> value(rs, format) }

    private fun vector(rs: RandomSource): VectorValue {
        val t = VectorElementType.entries[rs.random.nextInt(VectorElementType.entries.size)]
        return VectorValue(t, rs.random.nextBytes(t.byteSize * rs.random.nextInt(0, 50)))
    }

    private fun offset(rs: RandomSource) = ZoneOffset.ofTotalSeconds(rs.random.nextInt(-64_800, 64_801))
    private fun instant(rs: RandomSource) =
        Instant.ofEpochSecond(rs.random.nextLong(-50_000_000_000, 50_000_000_000), rs.random.nextLong(0, 1_000_000_000))

    private fun edgeOrRandomLong(rs: RandomSource): Long {
        val edges = longArrayOf(0, -16, -17, 127, 128, -128, -129, 32767, 32768, -32768, -32769,
            Int.MAX_VALUE.toLong(), Int.MAX_VALUE + 1L, Int.MIN_VALUE.toLong(), Int.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE)
        return if (rs.random.nextInt(3) == 0) edges[rs.random.nextInt(edges.size)] else rs.random.nextLong()
    }
}

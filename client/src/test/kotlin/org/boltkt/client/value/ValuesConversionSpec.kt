package org.boltkt.client.value

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.kotest.property.PropTestConfig
import io.kotest.property.Arb
import io.kotest.property.arbitrary.boolean
import io.kotest.property.arbitrary.byte
import io.kotest.property.arbitrary.byteArray
import io.kotest.property.arbitrary.double
import io.kotest.property.arbitrary.int
import io.kotest.property.arbitrary.list
import io.kotest.property.arbitrary.localDate
import io.kotest.property.arbitrary.localDateTime
import io.kotest.property.arbitrary.localTime
import io.kotest.property.arbitrary.long
import io.kotest.property.arbitrary.map
import io.kotest.property.arbitrary.short
import io.kotest.property.arbitrary.string
import io.kotest.property.checkAll
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.BytesValue
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.value.VectorValue
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.OffsetTime
import java.time.Period
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime

class ValuesConversionSpec : FunSpec({
    val cfg = PropTestConfig(seed = 11, iterations = 500)

    test("scalars map to the documented value types") {
        Values.of(null) shouldBe NullValue
        Values.of(true) shouldBe BooleanValue.TRUE
        Values.of(7.toByte()) shouldBe IntegerValue(7)
        Values.of(7.toShort()) shouldBe IntegerValue(7)
        Values.of(7) shouldBe IntegerValue(7)
        Values.of(7L) shouldBe IntegerValue(7)
        Values.of(7u) shouldBe IntegerValue(7)
        Values.of(ULong.MAX_VALUE / 2u) shouldBe IntegerValue(Long.MAX_VALUE)
        Values.of(1.5f) shouldBe FloatValue(1.5)
        Values.of(2.5) shouldBe FloatValue(2.5)
        Values.of('x') shouldBe StringValue("x")
        Values.of(StringBuilder("sb")) shouldBe StringValue("sb")
        Values.of(charArrayOf('h', 'i')) shouldBe StringValue("hi")
    }

    test("a Value passes through unchanged") {
        val node = NodeValue(1, "1", listOf("A"), emptyMap())
        Values.of(node) shouldBeSameInstanceAs node
        val p = Point2DValue(7203, 1.0, 2.0)
        Values.of(p) shouldBeSameInstanceAs p
    }

    test("ULong above Long.MAX_VALUE is rejected") {
        shouldThrow<IllegalArgumentException> { Values.of(ULong.MAX_VALUE) }.message shouldContain "does not fit"
    }

    test("byte arrays are copied") {
        val a = byteArrayOf(1, 2)
        val v = Values.of(a) as BytesValue
        a[0] = 9
        v.value.toList() shouldBe listOf<Byte>(1, 2)
    }

    test("arrays, primitive arrays, sets and sequences become lists") {
        Values.of(intArrayOf(1, 2)) shouldBe ListValue(listOf(IntegerValue(1), IntegerValue(2)))
        Values.of(longArrayOf(3)) shouldBe ListValue(listOf(IntegerValue(3)))
        Values.of(shortArrayOf(4)) shouldBe ListValue(listOf(IntegerValue(4)))
        Values.of(doubleArrayOf(0.5)) shouldBe ListValue(listOf(FloatValue(0.5)))
        Values.of(floatArrayOf(0.25f)) shouldBe ListValue(listOf(FloatValue(0.25)))
        Values.of(booleanArrayOf(false)) shouldBe ListValue(listOf(BooleanValue.FALSE))
        Values.of(arrayOf("a", null)) shouldBe ListValue(listOf(StringValue("a"), NullValue))
        Values.of(linkedSetOf(1, 2)) shouldBe ListValue(listOf(IntegerValue(1), IntegerValue(2)))
        Values.of(sequenceOf("s")) shouldBe ListValue(listOf(StringValue("s")))
    }

    test("nested collections convert recursively and keep map order") {
        val v = Values.of(mapOf("z" to listOf(1, mapOf("in" to arrayOf(true))), "a" to null))
        v shouldBe MapValue(
            mapOf(
                "z" to ListValue(listOf(IntegerValue(1), MapValue(mapOf("in" to ListValue(listOf(BooleanValue.TRUE)))))),
                "a" to NullValue,
            ),
        )
        (v as MapValue).entries.keys.toList() shouldBe listOf("z", "a")
        v.asObject() shouldBe mapOf("z" to listOf(1L, mapOf("in" to listOf(true))), "a" to null)
    }

    test("map with a non-String key is rejected naming the key type") {
        val e = shouldThrow<IllegalArgumentException> { Values.of(mapOf(1 to "x")) }
        e.message shouldContain "java.lang.Integer"
        e.message shouldContain "keys must be Strings"
        shouldThrow<IllegalArgumentException> { Values.of(listOf(mapOf("ok" to mapOf(null to 1)))) }.message shouldContain "null"
    }

    test("java.util.UUID is Neo4j's UUID type (Bolt 6.1) and comes back as itself") {
        val u = java.util.UUID.fromString("550e8400-e29b-41d4-a716-446655440000")
        Values.of(u) shouldBe UuidValue(u)
        Values.of(u).asObject() shouldBe u
        Values.of(u).typeName() shouldBe "UUID"
        Values.of(listOf(u)) shouldBe ListValue(listOf(UuidValue(u)))
        Values.parameters(mapOf("id" to u)) shouldBe mapOf("id" to UuidValue(u))
    }

    test("unsupported types name the type and the fix") {
        shouldThrow<IllegalArgumentException> { Values.of(java.math.BigDecimal.ONE) }.message shouldContain "java.math.BigDecimal"
        shouldThrow<IllegalArgumentException> { Values.of(java.math.BigInteger.ONE) }.message shouldContain "to a Long"
        shouldThrow<IllegalArgumentException> { Values.of(java.time.DayOfWeek.MONDAY) }.message shouldContain "send its name"
        shouldThrow<IllegalArgumentException> { Values.of(java.util.Date()) }.message shouldContain "toInstant()"
        shouldThrow<IllegalArgumentException> { Values.of(Any()) }.message shouldContain "java.lang.Object cannot be sent"
        shouldThrow<IllegalArgumentException> { Values.of(listOf(1 to 2)) }.message shouldContain "kotlin.Pair"
    }

    test("java.time types") {
        val zdt = ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 5, ZoneId.of("Europe/Berlin"))
        Values.of(zdt).asObject() shouldBe zdt
        val odt = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6, ZoneOffset.ofHours(-3))
        Values.of(odt) shouldBe DateTimeValue(odt.toZonedDateTime())
        val instant = Instant.ofEpochSecond(1_700_000_000, 123)
        Values.of(instant) shouldBe DateTimeValue(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC))
        val ot = OffsetTime.of(10, 11, 12, 13, ZoneOffset.ofHoursMinutes(5, 30))
        Values.of(ot).asObject() shouldBe ot
        Values.of(java.time.Duration.ofSeconds(-90, 5)) shouldBe DurationValue(0, 0, -90, 5)
        Values.of(Period.of(1, 2, 3)) shouldBe DurationValue(14, 3, 0, 0)
    }

    test("values without a native form stay Values in asObject") {
        val d = DurationValue(1, 2, 3, 4)
        d.asObject() shouldBeSameInstanceAs d
        val v = VectorValue.ofDoubles(doubleArrayOf(1.0))
        v.asObject() shouldBeSameInstanceAs v
    }

    test("property: natives round trip through Value and asObject") {
        checkAll(cfg, Arb.long()) { Values.of(it).asObject() shouldBe it }
        checkAll(cfg, Arb.int()) { Values.of(it).asObject() shouldBe it.toLong() }
        checkAll(cfg, Arb.short()) { Values.of(it).asObject() shouldBe it.toLong() }
        checkAll(cfg, Arb.byte()) { Values.of(it).asObject() shouldBe it.toLong() }
        checkAll(cfg, Arb.double()) { Values.of(it).asObject() shouldBe it }
        checkAll(cfg, Arb.boolean()) { Values.of(it).asObject() shouldBe it }
        checkAll(cfg, Arb.string()) { Values.of(it).asObject() shouldBe it }
        checkAll(cfg, Arb.byteArray(Arb.int(0..64), Arb.byte())) { (Values.of(it).asObject() as ByteArray).toList() shouldBe it.toList() }
        checkAll(cfg, Arb.localDate()) { Values.of(it).asObject() shouldBe it }
        checkAll(cfg, Arb.localTime()) { Values.of(it).asObject() shouldBe it }
        checkAll(cfg, Arb.localDateTime()) { Values.of(it).asObject() shouldBe it }
        checkAll(cfg, Arb.list(Arb.long(), 0..10)) { Values.of(it).asObject() shouldBe it }
        checkAll(cfg, Arb.map(Arb.string(0..8), Arb.string(), maxSize = 8)) { Values.of(it).asObject() shouldBe it }
    }

    test("property: Value → asObject → Value is the identity for converted values") {
        checkAll(cfg, Arb.list(Arb.double(), 0..5), Arb.localDateTime()) { l, t ->
            val v = Values.of(mapOf("l" to l, "t" to t, "n" to null))
            Values.of(v.asObject()) shouldBe v
        }
    }

    test("parameters helper and toValue extension") {
        parameters("a" to 1, "b" to listOf("x")) shouldBe mapOf("a" to IntegerValue(1), "b" to ListValue(listOf(StringValue("x"))))
        Values.parameters() shouldBe emptyMap()
        LocalDate.of(2020, 1, 1).toValue().asLocalDate() shouldBe LocalDate.of(2020, 1, 1)
        null.toValue() shouldBe NullValue
    }

    test("LocalTime and LocalDateTime extremes round trip") {
        Values.of(LocalTime.NOON).asObject() shouldBe LocalTime.NOON
        Values.of(LocalDateTime.MIN).asObject() shouldBe LocalDateTime.MIN
    }
})

package org.boltkt.client.record

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import org.boltkt.client.value.UncoercibleValueException
import org.boltkt.client.value.typeName
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
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.PathValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.RelationshipValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.TimeValue
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.VectorValue
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.util.UUID

/** One row per getter: name, a matching value, the expected result, and a value of another type. */
private class Case(
    val name: String,
    val value: Value,
    val expected: Any,
    val wrong: Value,
    val byKey: (Record, String) -> Any,
    val byIndex: (Record, Int) -> Any,
    val orNullKey: (Record, String) -> Any?,
    val orNullIndex: (Record, Int) -> Any?,
)

class RecordGettersSpec : FunSpec({
    val node = NodeValue(1, "e1", listOf("L"), emptyMap())
    val rel = RelationshipValue(2, "e2", 1, "e1", 1, "e1", "T", emptyMap())
    val path = PathValue(listOf(node), emptyList(), emptyList())
    val zdt = ZonedDateTime.of(2024, 5, 6, 7, 8, 9, 10, ZoneOffset.UTC)
    val ot = OffsetTime.of(1, 2, 3, 4, ZoneOffset.ofHours(2))
    val vec = VectorValue.ofDoubles(doubleArrayOf(1.0))
    val s = StringValue("s")
    val uuid = UUID.fromString("550e8400-e29b-41d4-a716-446655440000")

    val cases = listOf(
        Case("getString", s, "s", IntegerValue(1), Record::getString, Record::getString, Record::getStringOrNull, Record::getStringOrNull),
        Case("getLong", IntegerValue(9), 9L, s, Record::getLong, Record::getLong, Record::getLongOrNull, Record::getLongOrNull),
        Case("getInt", IntegerValue(9), 9, s, Record::getInt, Record::getInt, Record::getIntOrNull, Record::getIntOrNull),
        Case("getDouble", FloatValue(1.5), 1.5, s, Record::getDouble, Record::getDouble, Record::getDoubleOrNull, Record::getDoubleOrNull),
        Case("getBoolean", BooleanValue.TRUE, true, s, Record::getBoolean, Record::getBoolean, Record::getBooleanOrNull, Record::getBooleanOrNull),
        Case("getList", ListValue(listOf(s)), listOf(s), s, Record::getList, Record::getList, Record::getListOrNull, Record::getListOrNull),
        Case("getMap", MapValue(mapOf("k" to s)), mapOf("k" to s), s, Record::getMap, Record::getMap, Record::getMapOrNull, Record::getMapOrNull),
        Case("getNode", node, node, rel, Record::getNode, Record::getNode, Record::getNodeOrNull, Record::getNodeOrNull),
        Case("getRelationship", rel, rel, node, Record::getRelationship, Record::getRelationship, Record::getRelationshipOrNull, Record::getRelationshipOrNull),
        Case("getPath", path, path, node, Record::getPath, Record::getPath, Record::getPathOrNull, Record::getPathOrNull),
        Case("getPoint2D", Point2DValue(7203, 1.0, 2.0), Point2DValue(7203, 1.0, 2.0), s, Record::getPoint2D, Record::getPoint2D, Record::getPoint2DOrNull, Record::getPoint2DOrNull),
        Case("getPoint3D", Point3DValue(9157, 1.0, 2.0, 3.0), Point3DValue(9157, 1.0, 2.0, 3.0), Point2DValue(7203, 1.0, 2.0), Record::getPoint3D, Record::getPoint3D, Record::getPoint3DOrNull, Record::getPoint3DOrNull),
        Case("getVector", vec, vec, ListValue(emptyList()), Record::getVector, Record::getVector, Record::getVectorOrNull, Record::getVectorOrNull),
        Case("getLocalDate", DateValue(LocalDate.EPOCH), LocalDate.EPOCH, s, Record::getLocalDate, Record::getLocalDate, Record::getLocalDateOrNull, Record::getLocalDateOrNull),
        Case("getOffsetTime", TimeValue(ot), ot, LocalTimeValue(LocalTime.NOON), Record::getOffsetTime, Record::getOffsetTime, Record::getOffsetTimeOrNull, Record::getOffsetTimeOrNull),
        Case("getLocalTime", LocalTimeValue(LocalTime.NOON), LocalTime.NOON, TimeValue(ot), Record::getLocalTime, Record::getLocalTime, Record::getLocalTimeOrNull, Record::getLocalTimeOrNull),
        Case("getLocalDateTime", LocalDateTimeValue(LocalDateTime.MIN), LocalDateTime.MIN, DateTimeValue(zdt), Record::getLocalDateTime, Record::getLocalDateTime, Record::getLocalDateTimeOrNull, Record::getLocalDateTimeOrNull),
        Case("getZonedDateTime", DateTimeValue(zdt), zdt, LocalDateTimeValue(LocalDateTime.MIN), Record::getZonedDateTime, Record::getZonedDateTime, Record::getZonedDateTimeOrNull, Record::getZonedDateTimeOrNull),
        Case("getDuration", DurationValue(1, 2, 3, 4), DurationValue(1, 2, 3, 4), s, Record::getDuration, Record::getDuration, Record::getDurationOrNull, Record::getDurationOrNull),
        // A UUID's text is a STRING, not a UUID: no implicit parsing.
        Case("getUuid", UuidValue(uuid), uuid, StringValue(uuid.toString()), Record::getUuid, Record::getUuid, Record::getUuidOrNull, Record::getUuidOrNull),
    )
    val keys = RecordKeys.of(listOf("x", "n", "w"))

    for (c in cases) {
        context(c.name) {
            val r = Record(keys, listOf(c.value, NullValue, c.wrong))
            test("reads a matching value by key and by index") {
                c.byKey(r, "x") shouldBe c.expected
                c.byIndex(r, 0) shouldBe c.expected
                c.orNullKey(r, "x") shouldBe c.expected
                c.orNullIndex(r, 0) shouldBe c.expected
            }
            test("null column: non-null getter names the OrNull variant, OrNull returns null") {
                shouldThrow<UncoercibleValueException> { c.byKey(r, "n") }.message shouldBe "column 'n' is null; use ${c.name}OrNull"
                shouldThrow<UncoercibleValueException> { c.byIndex(r, 1) }.message shouldBe "column 1 ('n') is null; use ${c.name}OrNull"
                c.orNullKey(r, "n").shouldBeNull()
                c.orNullIndex(r, 1).shouldBeNull()
            }
            test("mismatched column names the column and both types") {
                val e = shouldThrow<UncoercibleValueException> { c.byKey(r, "w") }
                e.actual shouldBe c.wrong
                e.message shouldBe "column 'w': cannot read ${typeOf(c.wrong)} as ${e.expected}"
                shouldThrow<UncoercibleValueException> { c.orNullIndex(r, 2) }.message shouldBe
                    "column 2 ('w'): cannot read ${typeOf(c.wrong)} as ${e.expected}"
            }
            test("unknown key and bad index") {
                shouldThrow<NoSuchElementException> { c.byKey(r, "zz") }
                shouldThrow<IndexOutOfBoundsException> { c.byIndex(r, 5) }
            }
        }
    }

    test("getBytes (arrays compare by content)") {
        val r = Record(keys, listOf(BytesValue(byteArrayOf(1, 2)), NullValue, s))
        r.getBytes("x").toList() shouldBe listOf<Byte>(1, 2)
        r.getBytes(0).toList() shouldBe listOf<Byte>(1, 2)
        r.getBytesOrNull("n").shouldBeNull()
        r.getBytesOrNull(1).shouldBeNull()
        shouldThrow<UncoercibleValueException> { r.getBytes("n") }.message shouldBe "column 'n' is null; use getBytesOrNull"
        shouldThrow<UncoercibleValueException> { r.getBytes(2) }.message shouldBe "column 2 ('w'): cannot read STRING as BYTES"
    }

    test("getInt range check and getDouble on integers carry the column") {
        val r = Record(keys, listOf(IntegerValue(1L shl 40), IntegerValue(3), NullValue))
        shouldThrow<UncoercibleValueException> { r.getInt("x") }.message shouldBe
            "column 'x': INTEGER 1099511627776 does not fit an Int; read it as a Long"
        r.getDouble("n") shouldBe 3.0
        r.getLong("x") shouldBe (1L shl 40)
    }
})

private fun typeOf(v: Value): String = v.typeName()

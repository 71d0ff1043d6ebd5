package org.boltkt.client.value

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.DateTimeUnknownZoneValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.UnknownStructValue

class ValueAccessorsSpec : FunSpec({
    test("matching types are read") {
        IntegerValue(5).asLong() shouldBe 5L
        IntegerValue(5).asInt() shouldBe 5
        IntegerValue(5).asDouble() shouldBe 5.0
        FloatValue(0.5).asDouble() shouldBe 0.5
        StringValue("s").asString() shouldBe "s"
        BooleanValue.TRUE.asBoolean() shouldBe true
        Point3DValue(9157, 1.0, 2.0, 3.0).asPoint3D().z shouldBe 3.0
    }

    test("mismatch names actual and expected types") {
        val e = shouldThrow<UncoercibleValueException> { StringValue("x").asLong() }
        e.message shouldBe "cannot read STRING as INTEGER"
        e.expected shouldBe "INTEGER"
        e.actual shouldBe StringValue("x")
        shouldThrow<UncoercibleValueException> { FloatValue(1.0).asLong() }.message shouldBe "cannot read FLOAT as INTEGER"
        shouldThrow<UncoercibleValueException> { Point2DValue(7203, 0.0, 0.0).asPoint3D() }.message shouldBe "cannot read POINT as 3D POINT"
        shouldThrow<UncoercibleValueException> { UnknownStructValue(0x42, emptyList()).asMap() }.message shouldBe "cannot read STRUCT 0x42 as MAP"
    }

    test("null: non-null accessor throws, OrNull returns null, OrNull still rejects other types") {
        shouldThrow<UncoercibleValueException> { NullValue.asString() }.message shouldBe "cannot read NULL as STRING"
        NullValue.asStringOrNull().shouldBeNull()
        NullValue.asZonedDateTimeOrNull().shouldBeNull()
        shouldThrow<UncoercibleValueException> { IntegerValue(1).asStringOrNull() }
    }

    test("asInt is range checked") {
        IntegerValue(Int.MIN_VALUE.toLong()).asInt() shouldBe Int.MIN_VALUE
        shouldThrow<UncoercibleValueException> { IntegerValue(Int.MAX_VALUE + 1L).asInt() }.message shouldBe
            "INTEGER 2147483648 does not fit an Int; read it as a Long"
    }

    test("asDouble rejects integers that lose precision") {
        IntegerValue(1L shl 53).asDouble() shouldBe 9007199254740992.0
        shouldThrow<UncoercibleValueException> { IntegerValue((1L shl 53) + 1).asDouble() }.message shouldContain "exactly"
        shouldThrow<UncoercibleValueException> { IntegerValue(Long.MAX_VALUE).asDouble() }
    }

    test("unknown zone date-time explains itself") {
        val v = DateTimeUnknownZoneValue(0, 0, "Mars/Olympus", true)
        shouldThrow<UncoercibleValueException> { v.asZonedDateTime() }.message shouldContain "'Mars/Olympus' is unknown"
    }
})

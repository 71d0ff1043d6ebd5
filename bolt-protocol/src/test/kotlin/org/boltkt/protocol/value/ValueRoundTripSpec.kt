package org.boltkt.protocol.value

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.property.PropTestConfig
import io.kotest.property.checkAll
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.packstream.PackStreamWriter

/** Property: every sendable value survives encode → decode unchanged, in every format. */
class ValueRoundTripSpec : FunSpec({
    fun roundTrip(v: Value, f: ValueFormat): Value {
        val w = PackStreamWriter(8) // tiny initial buffer exercises growth
        ValueEncoder.write(w, v, f)
        val r = PackStreamReader(w.buffer(), 0, w.size)
        return ValueDecoder.read(r, f).also { r.hasRemaining() shouldBe false }
    }

    for (f in listOf(ValueFormat.BOLT_5, ValueFormat.BOLT_6, ValueFormat.BOLT_6_1)) {
        test("round trip in $f") {
            checkAll(PropTestConfig(seed = 42, iterations = 2_000), ValueArbs.arb(f)) { v -> roundTrip(v, f) shouldBe v }
        }
    }

    test("round trip in legacy 4.x format keeps wall-clock time and zone of named-zone date-times") {
        val f = ValueFormat.LEGACY_4
        checkAll(PropTestConfig(seed = 7, iterations = 2_000), ValueArbs.arb(f)) { v ->
            val back = roundTrip(v, f)
            if (v is DateTimeValue && v.value.zone !is java.time.ZoneOffset) {
                // Legacy structs send local seconds; an instant in a DST overlap maps back to the earlier offset.
                val b = (back as DateTimeValue).value
                b.toLocalDateTime() shouldBe v.value.toLocalDateTime()
                b.zone shouldBe v.value.zone
            } else if (!containsNamedZone(v)) {
                back shouldBe v
            }
        }
    }

    test("strings of every UTF-8 length class round trip through the writer's own encoder") {
        checkAll(PropTestConfig(seed = 3, iterations = 1_000), io.kotest.property.arbitrary.arbitrary { ValueArbs.string(it, 2000) }) { s ->
            val w = PackStreamWriter().apply { writeString(s) }
            PackStreamReader(w.toByteArray()).readString() shouldBe s
        }
    }
})

private fun containsNamedZone(v: Value): Boolean = when (v) {
    is DateTimeValue -> v.value.zone !is java.time.ZoneOffset
    is ListValue -> v.values.any(::containsNamedZone)
    is MapValue -> v.entries.values.any(::containsNamedZone)
    else -> false
}

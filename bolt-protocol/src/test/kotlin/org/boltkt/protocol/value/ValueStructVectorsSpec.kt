package org.boltkt.protocol.value

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.testing.BytesBuilder
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.dict
import org.boltkt.protocol.testing.expectProtocolError
import org.boltkt.protocol.testing.stringList
import org.boltkt.protocol.testing.tinyInt
import org.boltkt.protocol.testing.toHex
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime

/** Structure layouts per value format, as the spec prints them. */
class ValueStructVectorsSpec : FunSpec({
    fun enc(v: Value, f: ValueFormat) = PackStreamWriter().also { ValueEncoder.write(it, v, f) }.toByteArray().toHex()
    fun dec(b: ByteArray, f: ValueFormat) = PackStreamReader(b).let { r -> ValueDecoder.read(r, f).also { r.hasRemaining() shouldBe false } }
    fun both(v: Value, f: ValueFormat, wire: BytesBuilder.() -> Unit) {
        val b = bytes(wire)
        enc(v, f) shouldBe b.toHex()
        dec(b, f) shouldBe v
    }
    val formats = listOf(ValueFormat.LEGACY_4, ValueFormat.BOLT_5, ValueFormat.BOLT_6)

    for (f in formats) context("format $f") {
        test("date, local time, time, local date-time, duration, points are version independent") {
            both(DateValue(LocalDate.of(1970, 1, 2)), f) { struct(1, 0x44); tinyInt(1) }
            both(LocalTimeValue(LocalTime.ofNanoOfDay(5)), f) { struct(1, 0x74); tinyInt(5) }
            both(TimeValue(OffsetTime.of(LocalTime.ofNanoOfDay(1), ZoneOffset.ofHours(1))), f) { struct(2, 0x54); tinyInt(1); hex("C9 0E 10") }
            both(LocalDateTimeValue(LocalDateTime.of(1970, 1, 1, 0, 0, 1, 7)), f) { struct(2, 0x64); tinyInt(1); tinyInt(7) }
            both(DurationValue(1, 2, 3, 4), f) { struct(4, 0x45); tinyInt(1); tinyInt(2); tinyInt(3); tinyInt(4) }
            both(Point2DValue(7203, 1.0, 2.0), f) { struct(3, 0x58); hex("C9 1C 23"); hex("C1 3F F0 00 00 00 00 00 00 C1 40 00 00 00 00 00 00 00") }
            both(Point3DValue(9157, 0.0, 0.0, 0.0), f) { struct(4, 0x59); hex("C9 23 C5"); repeat(3) { hex("C1 00 00 00 00 00 00 00 00") } }
        }

        test("date-time with offset") {
            // 1970-01-01T02:00+02:00 is 0 seconds UTC, 7200 local seconds.
            val t = DateTimeValue(ZonedDateTime.of(1970, 1, 1, 2, 0, 0, 9, ZoneOffset.ofHours(2)))
            if (f.utcDateTime) both(t, f) { struct(3, 0x49); tinyInt(0); tinyInt(9); hex("C9 1C 20") }
            else both(t, f) { struct(3, 0x46); hex("C9 1C 20"); tinyInt(9); hex("C9 1C 20") }
        }

        test("date-time with zone id") {
            val t = DateTimeValue(ZonedDateTime.of(1970, 1, 1, 1, 0, 0, 0, ZoneId.of("Europe/Paris"))) // UTC+1 then
            if (f.utcDateTime) both(t, f) { struct(3, 0x69); tinyInt(0); tinyInt(0); string("Europe/Paris") }
            else both(t, f) { struct(3, 0x66); hex("C9 0E 10"); tinyInt(0); string("Europe/Paris") }
        }

        test("an unknown zone id decodes to DateTimeUnknownZoneValue and goes back unchanged") {
            val tag = if (f.utcDateTime) 0x69 else 0x66
            val wire = bytes { struct(3, tag); tinyInt(1); tinyInt(2); string("Mars/Olympus_Mons") }
            val v = dec(wire, f)
            v shouldBe DateTimeUnknownZoneValue(1, 2, "Mars/Olympus_Mons", f.utcDateTime)
            enc(v, f) shouldBe wire.toHex()
            val other = formats.first { it.utcDateTime != f.utcDateTime }
            shouldThrow<IllegalArgumentException> { enc(v, other) }
        }

        test("the other date-time family is kept as UnknownStruct") {
            val tag = if (f.utcDateTime) 0x46 else 0x49
            dec(bytes { struct(3, tag); tinyInt(0); tinyInt(0); tinyInt(0) }, f) shouldBe
                UnknownStructValue(tag, listOf(IntegerValue(0), IntegerValue(0), IntegerValue(0)))
        }

        test("node, relationship and path decode with or without element ids") {
            val node = bytes {
                struct(if (f.elementIds) 4 else 3, 0x4E); tinyInt(1); stringList("Person"); dict { stringEntry("name", "Ann") }
                if (f.elementIds) string("4:x:1")
            }
            val n = dec(node, f).shouldBeInstanceOf<NodeValue>()
            n shouldBe NodeValue(1, if (f.elementIds) "4:x:1" else "1", listOf("Person"), mapOf("name" to StringValue("Ann")))
            shouldThrow<IllegalArgumentException> { enc(n, f) }

            val rel = bytes {
                struct(if (f.elementIds) 8 else 5, 0x52); tinyInt(9); tinyInt(1); tinyInt(2); string("KNOWS"); hex("A0")
                if (f.elementIds) { string("5:x:9"); string("4:x:1"); string("4:x:2") }
            }
            dec(rel, f) shouldBe if (f.elementIds) {
                RelationshipValue(9, "5:x:9", 1, "4:x:1", 2, "4:x:2", "KNOWS", emptyMap())
            } else {
                RelationshipValue(9, "9", 1, "1", 2, "2", "KNOWS", emptyMap())
            }

            fun BytesBuilder.nodeN(id: Int) { struct(if (f.elementIds) 4 else 3, 0x4E); tinyInt(id); hex("90 A0"); if (f.elementIds) string("e$id") }
            // (a)-[:R]->(b)<-[:R]-(a): indices [1, 1, -1, 0]
            val path = bytes {
                struct(3, 0x50)
                tinyList(2); nodeN(1); nodeN(2)
                tinyList(1); struct(if (f.elementIds) 4 else 3, 0x72); tinyInt(7); string("R"); hex("A0"); if (f.elementIds) string("r7")
                tinyList(4); tinyInt(1); tinyInt(1); tinyInt(-1); tinyInt(0)
            }
            val p = dec(path, f).shouldBeInstanceOf<PathValue>()
            val segs = p.segments()
            segs.size shouldBe 2
            segs[0].relationship.startNodeId shouldBe 1; segs[0].relationship.endNodeId shouldBe 2
            segs[1].start.id shouldBe 2; segs[1].end.id shouldBe 1
            segs[1].relationship.startNodeId shouldBe 1; segs[1].relationship.endNodeId shouldBe 2

            val badIndex = path.copyOf().also { it[it.size - 4] = 5 } // relationship index 5 of 1
            expectProtocolError(badIndex) { dec(badIndex, f) }
        }

        test("wrong field count for a known tag is a protocol error") {
            val input = bytes { struct(2, 0x44); tinyInt(1); tinyInt(1) }
            expectProtocolError(input) { dec(input, f) }
        }

        test("vectors") {
            val v = VectorValue.ofLongs(VectorElementType.INT16, longArrayOf(1, -2))
            val wire = bytes { struct(2, 0x56); hex("CC 01 C9"); hex("CC 04 00 01 FF FE") }
            if (f.vectors) {
                both(v, f) { raw(wire) }
                (dec(wire, f) as VectorValue).toLongArray().toList() shouldBe listOf(1L, -2L)
            } else {
                shouldThrow<IllegalArgumentException> { enc(v, f) }
                dec(wire, f).shouldBeInstanceOf<UnknownStructValue>()
            }
        }
    }

    test("out-of-range temporal fields are protocol errors, not DateTimeException") {
        val f = ValueFormat.BOLT_5
        for (wire in listOf(
            bytes { struct(1, 0x44); hex("CB 7F FF FF FF FF FF FF FF") },
            bytes { struct(1, 0x74); tinyInt(-1) },
            bytes { struct(2, 0x54); tinyInt(0); hex("CA 7F FF FF FF") },
            bytes { struct(3, 0x49); hex("CB 7F FF FF FF FF FF FF FF"); tinyInt(0); tinyInt(0) },
            bytes { struct(3, 0x49); tinyInt(0); hex("CA 7F FF FF FF"); tinyInt(0) },
            bytes { struct(2, 0x56); hex("CC 01 C4"); hex("CC 00") },
            bytes { struct(2, 0x56); hex("CC 01 CA"); hex("CC 03 00 00 00") },
        )) {
            expectProtocolError(wire) { dec(wire, ValueFormat.BOLT_6) }
        }
    }
})

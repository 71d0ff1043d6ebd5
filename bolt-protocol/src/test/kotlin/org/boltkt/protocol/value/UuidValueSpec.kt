package org.boltkt.protocol.value

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.packstream.PackStreamType
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.expectProtocolError
import org.boltkt.protocol.testing.toHex
import java.util.UUID

/**
 * PackStream's UUID (Bolt 6.1): marker `E0` followed by the 16 bytes of the UUID, most significant first; a
 * top-level value, not a structure. Byte vectors written from the spec, both directions.
 */
class UuidValueSpec : FunSpec({
    fun enc(v: Value, f: ValueFormat) = PackStreamWriter().also { ValueEncoder.write(it, v, f) }.toByteArray().toHex()
    fun dec(b: ByteArray, f: ValueFormat) = PackStreamReader(b).let { r -> ValueDecoder.read(r, f).also { r.hasRemaining() shouldBe false } }

    val vectors = listOf(
        "550e8400-e29b-41d4-a716-446655440000" to "E0 55 0E 84 00 E2 9B 41 D4 A7 16 44 66 55 44 00 00",
        "00000000-0000-0000-0000-000000000000" to "E0 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
        "ffffffff-ffff-ffff-ffff-ffffffffffff" to "E0 FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF",
        "01234567-89ab-cdef-fedc-ba9876543210" to "E0 01 23 45 67 89 AB CD EF FE DC BA 98 76 54 32 10",
        "80000000-0000-0000-8000-000000000001" to "E0 80 00 00 00 00 00 00 00 80 00 00 00 00 00 00 01",
    )
    for ((text, wire) in vectors) {
        test("$text <-> $wire on Bolt 6.1") {
            val v = UuidValue(UUID.fromString(text))
            enc(v, ValueFormat.BOLT_6_1) shouldBe wire
            dec(bytes(wire), ValueFormat.BOLT_6_1) shouldBe v
        }
    }

    test("inside lists and maps, next to other values") {
        val u = UuidValue(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"))
        val v = MapValue(mapOf("ids" to ListValue(listOf(u, IntegerValue(1))), "n" to NullValue))
        val wire = "A2 83 69 64 73 92 E0 55 0E 84 00 E2 9B 41 D4 A7 16 44 66 55 44 00 00 01 81 6E C0"
        enc(v, ValueFormat.BOLT_6_1) shouldBe wire
        dec(bytes(wire), ValueFormat.BOLT_6_1) shouldBe v
    }

    test("the reader names the type and skips all 17 bytes") {
        val r = PackStreamReader(bytes("E0 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 7F"))
        r.peekType() shouldBe PackStreamType.UUID
        r.skip()
        r.readInt() shouldBe 0x7F
        r.hasRemaining() shouldBe false
        PackStreamReader(bytes("E0 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F")).readUuid() shouldBe
            UUID.fromString("00010203-0405-0607-0809-0a0b0c0d0e0f")
    }

    test("before Bolt 6.1 a UUID cannot be sent: the encoder says which version it needs and what to send instead") {
        val v = UuidValue(UUID.randomUUID())
        for (f in listOf(ValueFormat.LEGACY_4, ValueFormat.BOLT_5, ValueFormat.BOLT_6)) {
            val e = shouldThrow<IllegalArgumentException> { enc(v, f) }
            e.message shouldContain "Bolt 6.1"
            e.message shouldContain "toString()"
        }
    }

    test("before Bolt 6.1 a received E0 marker is a protocol violation") {
        val wire = bytes("E0 55 0E 84 00 E2 9B 41 D4 A7 16 44 66 55 44 00 00")
        for (f in listOf(ValueFormat.LEGACY_4, ValueFormat.BOLT_5, ValueFormat.BOLT_6)) {
            expectProtocolError(wire) { dec(wire, f) }.reason shouldContain "Bolt 6.1"
        }
    }

    test("a truncated UUID is a protocol error at its marker") {
        val wire = bytes("91 E0 55 0E 84 00 E2 9B 41 D4 A7 16 44 66 55 44 00")
        val e = expectProtocolError(wire) { dec(wire, ValueFormat.BOLT_6_1) }
        e.reason shouldContain "truncated"
        e.offset shouldBe 1
    }

    test("another type where a UUID is expected is named") {
        expectProtocolError(bytes("C0")) { PackStreamReader(bytes("C0")).readUuid() }.reason shouldContain "expected UUID but found NULL"
    }
})

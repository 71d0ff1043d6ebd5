package org.boltkt.protocol.packstream

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.expectProtocolError
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.value.ValueFormat
import kotlin.random.Random

/** Hostile and broken PackStream: each input must throw BoltProtocolException and nothing else. */
class MalformedPackStreamSpec : FunSpec({
    fun decode(b: ByteArray, limits: DecodeLimits = DecodeLimits.DEFAULT) {
        val r = PackStreamReader(b, limits = limits)
        ValueDecoder.read(r, ValueFormat.BOLT_6)
    }

    val hostile = mapOf(
        "STRING_32 claiming 2 GB" to bytes("D2 7F FF FF FF 61"),
        "STRING_32 claiming 4 GB (unsigned)" to bytes("D2 FF FF FF FF"),
        "BYTES_32 claiming 2 GB" to bytes("CE 7F FF FF FF 00"),
        "LIST_32 claiming 2^31-1 entries" to bytes("D6 7F FF FF FF 01"),
        "MAP_32 claiming 2^31-1 entries" to bytes("DA 7F FF FF FF 81 61 01"),
        "LIST_16 longer than message" to bytes("D5 01 00 01 02"),
        "STRING_8 one byte short" to bytes("D0 03 61 62"),
        "INT_64 truncated" to bytes("CB 00 00 00"),
        "FLOAT truncated" to bytes("C1 3F F1"),
        "struct with missing tag" to bytes("B1"),
        "struct claiming more fields than bytes" to bytes("BF 4E 01"),
        "map key not a string" to bytes("A1 01 01"),
        "empty input" to bytes(""),
        "invalid UTF-8 continuation" to bytes("82 C3 28"),
        "overlong UTF-8 encoding" to bytes("82 C0 AF"),
        "UTF-8 encoded surrogate" to bytes("83 ED A0 80"),
        "truncated UTF-8 sequence" to bytes("81 E2"),
    )
    for ((name, input) in hostile) {
        test("rejects $name") { expectProtocolError(input) { decode(input) } }
    }

    // 0xE0 is the UUID of Bolt 6.1 (UuidValueSpec covers it, and its rejection before 6.1).
    for (m in listOf(0xC4, 0xC5, 0xC6, 0xC7, 0xCF, 0xD3, 0xD7, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF) + (0xE1..0xEF)) {
        test("rejects reserved marker 0x%02X".format(m)) {
            val input = byteArrayOf(m.toByte(), 0, 0, 0, 0)
            expectProtocolError(input) { decode(input) }.reason shouldContain "reserved"
        }
    }

    test("limits are enforced before allocation") {
        val small = DecodeLimits(maxStringBytes = 3, maxBytesLength = 3, maxListSize = 3, maxMapEntries = 3)
        expectProtocolError(bytes("84 61 62 63 64")) { decode(bytes("84 61 62 63 64"), small) }.reason shouldContain "limit"
        expectProtocolError(bytes("CC 04 00 00 00 00")) { decode(bytes("CC 04 00 00 00 00"), small) }
        expectProtocolError(bytes("94 01 01 01 01")) { decode(bytes("94 01 01 01 01"), small) }
        val map = bytes("A4 81 61 01 81 62 01 81 63 01 81 64 01")
        expectProtocolError(map) { decode(map, small) }
        decode(bytes("83 61 62 63"), small) // at the limit is fine
    }

    test("nesting deeper than the limit fails, at the limit succeeds") {
        val limits = DecodeLimits(maxNestingDepth = 10)
        val ok = ByteArray(10) { 0x91.toByte() } + byteArrayOf(0x01)
        decode(ok, limits)
        val tooDeep = ByteArray(11) { 0x91.toByte() } + byteArrayOf(0x01)
        expectProtocolError(tooDeep) { decode(tooDeep, limits) }.reason shouldContain "nesting"
        val huge = ByteArray(100_000) { 0x91.toByte() }
        expectProtocolError(huge) { decode(huge) }
        val skipped = ByteArray(100_000) { 0xA1.toByte() }
        expectProtocolError(skipped) { PackStreamReader(skipped).skip() }
    }

    test("the exception reports the offset of the bad value") {
        val input = bytes("93 01 02 C7")
        expectProtocolError(input) { decode(input) }.offset shouldBe 3
    }

    test("seeded random garbage never escapes as another exception") {
        val rnd = Random(20_260_101)
        var accepted = 0
        repeat(5_000) {
            val input = rnd.nextBytes(rnd.nextInt(0, 64))
            try {
                decode(input)
                accepted++
            } catch (e: org.boltkt.protocol.BoltProtocolException) {
                // expected for most inputs
            } catch (t: Throwable) {
                throw AssertionError("garbage ${input.joinToString(" ") { "%02X".format(it) }} escaped as $t", t)
            }
        }
        // Sanity: the corpus is not trivially all-invalid (single tiny ints are valid values).
        (accepted > 0) shouldBe true
    }
})

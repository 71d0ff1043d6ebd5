package org.boltkt.protocol.chunk

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.kotest.property.Arb
import io.kotest.property.arbitrary.byteArray
import io.kotest.property.arbitrary.int
import io.kotest.property.arbitrary.list
import io.kotest.property.arbitrary.map
import io.kotest.property.checkAll
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.toHex

class ChunkReassemblerSpec : FunSpec({
    fun List<ByteArray>.hex() = map { it.toHex() }

    /** Frames [messages] with [writer], optionally with a NOOP before each, into one stream. */
    fun stream(messages: List<ByteArray>, writer: ChunkWriter, noops: Boolean): ByteArray = bytes {
        messages.forEach { if (noops) hex("00 00"); raw(writer.frame(it)) }
        if (noops) hex("00 00 00 00")
    }

    test("single message in one slice is delivered as a view of the input, without copying") {
        val input = bytes("00 00 00 02 B0 0F 00 00")
        var seen: ByteArray? = null
        ChunkReassembler().feed(input) { b, off, len ->
            seen = b
            off shouldBe 4
            len shouldBe 2
        }
        seen shouldBeSameInstanceAs input
    }

    test("multi-chunk message is joined") {
        val r = ChunkReassembler()
        r.feedCopies(bytes("00 02 01 02 00 01 03 00 00")).hex() shouldBe listOf("01 02 03")
        r.hasPartialMessage shouldBe false
    }

    test("NOOPs before, between and after messages are skipped") {
        val r = ChunkReassembler()
        r.feedCopies(bytes("00 00 00 00 00 01 AA 00 00 00 00 00 01 BB 00 00 00 00")).hex() shouldBe listOf("AA", "BB")
        r.hasPartialMessage shouldBe false
        r.finish()
    }

    test("truncated input waits quietly and completes when the rest arrives") {
        val r = ChunkReassembler()
        r.feedCopies(bytes("00")).shouldBeEmpty()
        r.hasPartialMessage shouldBe true
        r.feedCopies(bytes("03 01 02")).shouldBeEmpty()
        r.feedCopies(bytes("03 00")).shouldBeEmpty()
        r.feedCopies(bytes("00")).hex() shouldBe listOf("01 02 03")
        r.finish()
    }

    test("finish inside a message is an error, every partial position") {
        val full = bytes("00 02 01 02 00 00")
        for (cut in 1 until full.size) {
            val r = ChunkReassembler()
            r.feedCopies(full, 0, cut).shouldBeEmpty()
            shouldThrow<BoltProtocolException> { r.finish() }.reason shouldContain "ended inside a message"
        }
    }

    test("oversize message is rejected at the header, before its body arrives") {
        val r = ChunkReassembler(maxMessageSize = 4)
        r.feedCopies(bytes("00 03 01 02 03")).shouldBeEmpty()
        val e = shouldThrow<BoltProtocolException> { r.feedCopies(bytes("00 02")) }
        e.reason shouldContain "limit of 4 bytes"
        e.offset shouldBe 5
        // broken from then on
        shouldThrow<BoltProtocolException> { r.feedCopies(bytes("00 00")) }
        shouldThrow<BoltProtocolException> { r.finish() }
    }

    test("a hostile 64 KiB chunk header against a small limit fails without waiting for the body") {
        shouldThrow<BoltProtocolException> { ChunkReassembler(maxMessageSize = 1000).feedCopies(bytes("FF FF")) }
    }

    test("a message exactly at the limit is accepted") {
        ChunkReassembler(maxMessageSize = 3).feedCopies(bytes("00 02 01 02 00 01 03 00 00")).hex() shouldBe listOf("01 02 03")
    }

    test("the reassembly buffer is reused between messages") {
        val r = ChunkReassembler()
        val arrays = mutableListOf<ByteArray>()
        r.feed(bytes("00 01 01 00 01 02 00 00 00 01 03 00 01 04 00 00")) { b, _, _ -> arrays += b }
        arrays shouldHaveSize 2
        arrays[0] shouldBeSameInstanceAs arrays[1]
    }

    test("a sink that throws breaks the reassembler") {
        val r = ChunkReassembler()
        shouldThrow<IllegalStateException> { r.feed(bytes("00 01 01 00 00")) { _, _, _ -> error("boom") } }
        shouldThrow<BoltProtocolException> { r.feedCopies(bytes("00 01 01 00 00")) }
    }

    test("messages of 0..200,000 bytes survive framing and reassembly") {
        listOf(1, 65_534, 65_535, 65_536, 131_070, 200_000).forEach { size ->
            val msg = ByteArray(size) { (it * 31).toByte() }
            val out = ChunkReassembler().feedCopies(ChunkWriter.DEFAULT.frame(msg))
            out shouldHaveSize 1
            out[0].contentEquals(msg) shouldBe true
        }
    }

    test("input split at every position yields the same messages") {
        val messages = listOf(bytes("01 02 03 04 05"), bytes("AA"), bytes("10 20 30"))
        val wire = stream(messages, ChunkWriter(2), noops = true)
        for (cut in 0..wire.size) {
            val r = ChunkReassembler()
            val out = r.feedCopies(wire, 0, cut) + r.feedCopies(wire, cut, wire.size - cut)
            out.hex() shouldBe messages.hex()
            r.finish()
        }
    }

    test("property: any messages, any chunk size, any slicing reassemble exactly") {
        checkAll(
            200,
            Arb.list(Arb.byteArray(Arb.int(1..40), Arb.int(-128..127).map { it.toByte() }), 0..6),
            Arb.int(1..9),
            Arb.list(Arb.int(1..13), 1..50),
        ) { messages, chunkSize, sliceSizes ->
            val wire = stream(messages, ChunkWriter(chunkSize), noops = chunkSize % 2 == 0)
            val r = ChunkReassembler()
            val out = mutableListOf<ByteArray>()
            var pos = 0
            var i = 0
            while (pos < wire.size) {
                val n = minOf(sliceSizes[i++ % sliceSizes.size], wire.size - pos)
                out += r.feedCopies(wire, pos, n)
                pos += n
            }
            out.hex() shouldBe messages.hex()
            r.hasPartialMessage shouldBe false
        }
    }
})

package org.boltkt.protocol.chunk

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.toHex

class ChunkWriterSpec : FunSpec({
    fun message(size: Int) = ByteArray(size) { (it % 251 + 1).toByte() }

    /** Walks a framed array and returns the chunk sizes, checking each body matches the source in order. */
    fun chunkSizes(framed: ByteArray, source: ByteArray): List<Int> {
        val sizes = mutableListOf<Int>()
        var pos = 0
        var src = 0
        while (true) {
            val size = ((framed[pos].toInt() and 0xFF) shl 8) or (framed[pos + 1].toInt() and 0xFF)
            pos += 2
            if (size == 0) break
            framed.copyOfRange(pos, pos + size).contentEquals(source.copyOfRange(src, src + size)) shouldBe true
            sizes += size
            pos += size
            src += size
        }
        pos shouldBe framed.size
        src shouldBe source.size
        return sizes
    }

    test("empty message frames as the bare end marker, identical to a NOOP") {
        ChunkWriter.DEFAULT.frame(ByteArray(0)).toHex() shouldBe "00 00"
        ChunkWriter.noop().toHex() shouldBe "00 00"
    }

    test("one byte") {
        ChunkWriter.DEFAULT.frame(bytes("B0")).toHex() shouldBe "00 01 B0 00 00"
    }

    test("RESET message matches the spec example") {
        ChunkWriter.DEFAULT.frame(bytes("B0 0F")) shouldBe bytes("00 02 B0 0F 00 00")
    }

    test("exact framing at chunk boundaries and beyond") {
        listOf(
            65_535 to listOf(65_535),
            65_536 to listOf(65_535, 1),
            200_000 to listOf(65_535, 65_535, 65_535, 3_395),
        ).forEach { (size, expected) ->
            val src = message(size)
            val framed = ChunkWriter.DEFAULT.frame(src)
            framed.size shouldBe size + 2 * expected.size + 2
            ChunkWriter.DEFAULT.framedSize(size) shouldBe framed.size
            chunkSizes(framed, src) shouldBe expected
        }
        ChunkWriter.DEFAULT.frame(message(65_535)).copyOfRange(0, 2).toHex() shouldBe "FF FF"
    }

    test("frameInto writes at an offset and honours a source range") {
        val dest = ByteArray(12) { 0x55 }
        val written = ChunkWriter.DEFAULT.frameInto(bytes("01 02 03 04"), 1, 2, dest, 3)
        written shouldBe 6
        dest.toHex() shouldBe "55 55 55 00 02 02 03 00 00 55 55 55"
    }

    test("a small maxChunkSize splits accordingly") {
        ChunkWriter(2).frame(bytes("01 02 03 04 05")).toHex() shouldBe "00 02 01 02 00 02 03 04 00 01 05 00 00"
    }

    test("bad arguments are rejected") {
        shouldThrow<IllegalArgumentException> { ChunkWriter(0) }
        shouldThrow<IllegalArgumentException> { ChunkWriter(65_536) }
        shouldThrow<IndexOutOfBoundsException> { ChunkWriter.DEFAULT.frameInto(ByteArray(4), 0, 4, ByteArray(7), 0) }
        shouldThrow<IndexOutOfBoundsException> { ChunkWriter.DEFAULT.frame(ByteArray(4), 3, 2) }
    }
})

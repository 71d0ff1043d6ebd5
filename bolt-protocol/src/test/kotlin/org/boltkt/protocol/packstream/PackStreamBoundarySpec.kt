package org.boltkt.protocol.packstream

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.toHex

/** Every marker-size edge, written as the spec prints it, checked in both directions. */
class PackStreamBoundarySpec : FunSpec({
    fun encoded(block: PackStreamWriter.() -> Unit): String = PackStreamWriter().apply(block).toByteArray().toHex()
    fun reader(b: ByteArray) = PackStreamReader(b)

    val ints: List<Pair<Long, ByteArray>> = listOf(
        0L to bytes("00"),
        127L to bytes("7F"),
        128L to bytes("C9 00 80"),
        -1L to bytes("FF"),
        -16L to bytes("F0"),
        -17L to bytes("C8 EF"),
        -128L to bytes("C8 80"),
        -129L to bytes("C9 FF 7F"),
        32767L to bytes("C9 7F FF"),
        32768L to bytes("CA 00 00 80 00"),
        -32768L to bytes("C9 80 00"),
        -32769L to bytes("CA FF FF 7F FF"),
        Int.MAX_VALUE.toLong() to bytes("CA 7F FF FF FF"),
        Int.MAX_VALUE + 1L to bytes("CB 00 00 00 00 80 00 00 00"),
        Int.MIN_VALUE.toLong() to bytes("CA 80 00 00 00"),
        Int.MIN_VALUE - 1L to bytes("CB FF FF FF FF 7F FF FF FF"),
        Long.MAX_VALUE to bytes("CB 7F FF FF FF FF FF FF FF"),
        Long.MIN_VALUE to bytes("CB 80 00 00 00 00 00 00 00"),
    )
    for ((v, wire) in ints) {
        test("integer $v is ${wire.toHex()}") {
            encoded { writeInt(v) } shouldBe wire.toHex()
            val r = reader(wire)
            r.readInt() shouldBe v
            r.hasRemaining() shouldBe false
        }
    }

    test("non-minimal integer encodings are still read") {
        reader(bytes("CB 00 00 00 00 00 00 00 01")).readInt() shouldBe 1L
        reader(bytes("C8 05")).readInt() shouldBe 5L
    }

    test("scalars") {
        encoded { writeNull(); writeBoolean(false); writeBoolean(true) } shouldBe "C0 C2 C3"
        encoded { writeFloat(1.1) } shouldBe "C1 3F F1 99 99 99 99 99 9A"
        encoded { writeFloat(-0.0) } shouldBe "C1 80 00 00 00 00 00 00 00"
        reader(bytes("C1 3F F1 99 99 99 99 99 9A")).readFloat() shouldBe 1.1
        reader(bytes("C2")).readBoolean() shouldBe false
        reader(bytes("C3")).readBoolean() shouldBe true
    }

    val stringEdges = listOf(0 to "80", 15 to "8F", 16 to "D0 10", 255 to "D0 FF", 256 to "D1 01 00",
        65535 to "D1 FF FF", 65536 to "D2 00 01 00 00")
    for ((len, header) in stringEdges) {
        test("string of $len bytes has header $header") {
            val s = "a".repeat(len)
            val wire = bytes { hex(header); utf8(s) }
            PackStreamWriter().apply { writeString(s) }.toByteArray() shouldBe wire
            reader(wire).readString() shouldBe s
        }
    }

    test("string length counts UTF-8 bytes, not chars") {
        val s = "é€😀" // 2 + 3 + 4 bytes
        encoded { writeString(s) } shouldBe bytes { hex("89"); utf8(s) }.toHex()
        reader(bytes { hex("89"); utf8(s) }).readString() shouldBe s
    }

    val bytesEdges = listOf(0 to "CC 00", 255 to "CC FF", 256 to "CD 01 00", 65535 to "CD FF FF", 65536 to "CE 00 01 00 00")
    for ((len, header) in bytesEdges) {
        test("byte array of $len has header $header") {
            val b = ByteArray(len) { it.toByte() }
            val wire = bytes { hex(header); raw(b) }
            PackStreamWriter().apply { writeBytes(b) }.toByteArray() shouldBe wire
            reader(wire).readBytes() shouldBe b
        }
    }

    val containerEdges = listOf(0 to "0", 15 to "F", 16 to "8 10", 255 to "8 FF", 256 to "16 01 00", 65535 to "16 FF FF", 65536 to "32 00 01 00 00")
    for ((size, suffix) in containerEdges) {
        val (listHeader, mapHeader) = when {
            size < 16 -> "9$suffix" to "A$suffix"
            else -> {
                val parts = suffix.split(" ", limit = 2)
                val m = when (parts[0]) { "8" -> 0; "16" -> 1; else -> 2 }
                "%02X %s".format(0xD4 + m, parts[1]) to "%02X %s".format(0xD8 + m, parts[1])
            }
        }
        test("list of $size has header $listHeader, map of $size has header $mapHeader") {
            encoded { writeListHeader(size) } shouldBe listHeader
            encoded { writeMapHeader(size) } shouldBe mapHeader
            reader(bytes { hex(listHeader); raw(ByteArray(size)) }).readListHeader() shouldBe size
            reader(bytes { hex(mapHeader); raw(ByteArray(size * 2)) }).readMapHeader() shouldBe size
        }
    }

    test("struct headers for 0 and 15 fields") {
        encoded { writeStructHeader(0, 0x70) } shouldBe "B0 70"
        encoded { writeStructHeader(15, 0x4E) } shouldBe "BF 4E"
        val h = reader(bytes { hex("BF 4E"); raw(ByteArray(15)) }).readStructHeader()
        h.fieldCount shouldBe 15
        h.tag shouldBe 0x4E
    }

    test("an unpaired surrogate is written as '?'") {
        encoded { writeString("a\uD800b") } shouldBe "83 61 3F 62"
    }
})

package org.boltkt.protocol.packstream

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import org.boltkt.protocol.BoltProtocolException

/** readName (cached short ASCII names) must read exactly what readString reads, only sharing instances. */
class ReadNameSpec : FunSpec({
    fun encoded(vararg s: String): ByteArray = PackStreamWriter().apply { s.forEach { writeString(it) } }.toByteArray()

    test("names of every kind read back equal to readString, with the position after the string") {
        val names = listOf("", "k", "name", "BenchNode", "a".repeat(15), "b".repeat(16), "c".repeat(32), "d".repeat(33),
            "é", "日本", "x".repeat(300), "KNOWS")
        val bytes = encoded(*names.toTypedArray())
        val byName = PackStreamReader(bytes)
        val byString = PackStreamReader(bytes)
        for (n in names) {
            byName.readName() shouldBe byString.readString()
            byName.position shouldBe byString.position
        }
        byName.hasRemaining() shouldBe false
    }

    test("a repeated short ASCII name is the same instance") {
        val bytes = encoded("name", "name")
        val r = PackStreamReader(bytes)
        r.readName() shouldBeSameInstanceAs r.readName()
    }

    test("many distinct names sharing cache slots never come back wrong") {
        val names = (0 until 5000).map { "key$it" }
        val bytes = encoded(*names.toTypedArray())
        repeat(2) {
            val r = PackStreamReader(bytes)
            names.forEach { r.readName() shouldBe it }
        }
    }

    test("limits, truncation and wrong types fail as readString does") {
        shouldThrow<BoltProtocolException> { PackStreamReader(encoded("abcdef"), limits = DecodeLimits(maxStringBytes = 3)).readName() }
        shouldThrow<BoltProtocolException> { PackStreamReader(byteArrayOf(0xD0.toByte())).readName() }
        shouldThrow<BoltProtocolException> { PackStreamReader(byteArrayOf(0x84.toByte(), 0x61)).readName() }
        shouldThrow<BoltProtocolException> { PackStreamReader(byteArrayOf(0x01)).readName() }
    }
})

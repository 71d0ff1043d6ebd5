package org.boltkt.protocol.value

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.packstream.PackStreamWriter

/** The decoder's compact map for up to 8 entries must behave exactly like the LinkedHashMap it replaces. */
class SmallMapSpec : FunSpec({
    fun decodeMap(keys: List<String>): Map<String, Value> {
        val w = PackStreamWriter()
        w.writeMapHeader(keys.size)
        keys.forEachIndexed { i, k -> w.writeString(k); w.writeInt(i.toLong()) }
        return ValueDecoder.readMap(PackStreamReader(w.buffer(), 0, w.size), ValueFormat.BOLT_5, 0)
    }

    fun expected(keys: List<String>): Map<String, Value> =
        LinkedHashMap<String, Value>().apply { keys.forEachIndexed { i, k -> put(k, IntegerValue(i.toLong())) } }

    for (n in listOf(1, 2, 7, 8, 9, 20)) {
        test("$n entries: same lookups, order, equality and hash code as a LinkedHashMap") {
            val keys = (0 until n).map { "key$it" }
            val m = decodeMap(keys)
            val e = expected(keys)
            m shouldBe e
            e shouldBe m
            m.hashCode() shouldBe e.hashCode()
            m.keys.toList() shouldBe keys
            m.values.toList() shouldBe e.values.toList()
            m.entries.map { it.key to it.value } shouldBe e.entries.map { it.key to it.value }
            keys.forEach { k -> m[k] shouldBe e[k]; m.containsKey(k) shouldBe true }
            m["missing"] shouldBe null
            m.containsKey("missing") shouldBe false
            m.containsValue(IntegerValue(0)) shouldBe true
            m.size shouldBe n
        }
    }

    test("a repeated key keeps its first position and its last value") {
        val m = decodeMap(listOf("a", "b", "a"))
        m.size shouldBe 2
        m.keys.toList() shouldBe listOf("a", "b")
        m["a"] shouldBe IntegerValue(2)
        m shouldBe expected(listOf("a", "b", "a"))
    }

    test("maps with different values are not equal") {
        decodeMap(listOf("a", "b")) shouldNotBe mapOf("a" to IntegerValue(0), "b" to IntegerValue(5))
    }

    test("iterating past the end fails like any iterator") {
        val it = decodeMap(listOf("a")).entries.iterator()
        it.next()
        runCatching { it.next() }.exceptionOrNull()!!::class shouldBe NoSuchElementException::class
    }
})

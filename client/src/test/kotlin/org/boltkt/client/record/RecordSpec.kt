package org.boltkt.client.record

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

class RecordSpec : FunSpec({
    val keys = RecordKeys.of(listOf("name", "age", "tags"))
    fun rec(vararg v: Value) = Record(keys, v.toList())

    test("index and key access") {
        val r = rec(StringValue("Ann"), IntegerValue(42), NullValue)
        r.size shouldBe 3
        r[0] shouldBe StringValue("Ann")
        r["age"] shouldBe IntegerValue(42)
        r.indexOf("tags") shouldBe 2
        r.indexOf("nope") shouldBe -1
        r.containsKey("name") shouldBe true
        r.containsKey("nope") shouldBe false
        r.getOrNull("nope") shouldBe null
        r.getOrNull("tags") shouldBe NullValue
    }

    test("unknown key lists the available keys") {
        val e = shouldThrow<NoSuchElementException> { rec(NullValue, NullValue, NullValue)["nmae"] }
        e.message shouldBe "no column 'nmae' in record; available keys: [name, age, tags]"
    }

    test("bad index names the range") {
        shouldThrow<IndexOutOfBoundsException> { rec(NullValue, NullValue, NullValue)[3] }.message shouldBe
            "column index 3 out of range 0..2 for keys [name, age, tags]"
        shouldThrow<IndexOutOfBoundsException> { rec(NullValue, NullValue, NullValue)[-1] }
    }

    test("value count must match key count") {
        shouldThrow<IllegalArgumentException> { Record(keys, listOf(NullValue)) }.message shouldBe
            "record has 1 values for 3 keys [name, age, tags]"
    }

    test("records of one result share one key index and key list") {
        val a = rec(StringValue("a"), IntegerValue(1), NullValue)
        val b = rec(StringValue("b"), IntegerValue(2), NullValue)
        a.recordKeys shouldBeSameInstanceAs b.recordKeys
        a.keys shouldBeSameInstanceAs b.keys
    }

    test("RecordKeys copies its input, finds the first duplicate, and is empty-safe") {
        val names = mutableListOf("x", "y", "x")
        val k = RecordKeys.of(names)
        names[0] = "changed"
        k.names shouldBe listOf("x", "y", "x")
        k.indexOf("x") shouldBe 0
        ("y" in k) shouldBe true
        RecordKeys.of(emptyList()) shouldBeSameInstanceAs RecordKeys.EMPTY
        Record(RecordKeys.EMPTY, emptyList()).asMap() shouldBe emptyMap()
    }

    test("asMap converts to natives in key order") {
        val node = NodeValue(1, "1", listOf("P"), mapOf("n" to IntegerValue(1)))
        val r = Record(RecordKeys.of(listOf("b", "a", "n", "l")), listOf(BooleanValue.TRUE, NullValue, node, ListValue(listOf(IntegerValue(3)))))
        val m = r.asMap()
        m shouldBe mapOf("b" to true, "a" to null, "n" to node, "l" to listOf(3L))
        m.keys.toList() shouldBe listOf("b", "a", "n", "l")
    }

    test("equality, hashCode and toString") {
        val a = rec(StringValue("a"), IntegerValue(1), NullValue)
        a shouldBe Record(RecordKeys.of(listOf("name", "age", "tags")), listOf(StringValue("a"), IntegerValue(1), NullValue))
        a.hashCode() shouldBe rec(StringValue("a"), IntegerValue(1), NullValue).hashCode()
        a shouldNotBe rec(StringValue("b"), IntegerValue(1), NullValue)
        a.toString() shouldBe "Record{name: StringValue(value=a), age: IntegerValue(value=1), tags: NullValue}"
    }
})

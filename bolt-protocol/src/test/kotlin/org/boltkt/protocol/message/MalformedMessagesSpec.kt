package org.boltkt.protocol.message

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.testing.expectProtocolError
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueEncoder
import org.boltkt.protocol.value.VectorValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import java.time.ZoneId
import java.time.ZonedDateTime
import kotlin.random.Random

/** Valid responses cut at every byte, extended, and randomly mutated: only BoltProtocolException may escape. */
class MalformedMessagesSpec : FunSpec({
    val c = Capabilities.of(BoltVersion.V6_0)

    fun message(tag: Int, field: Value?): ByteArray = PackStreamWriter().apply {
        writeStructHeader(if (field == null) 0 else 1, tag)
        if (field != null) ValueEncoder.write(this, field, c.valueFormat)
    }.toByteArray()

    val record = ListValue(listOf(
        StringValue("héllo wörld, a string longer than sixteen bytes"),
        DateTimeValue(ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 123_456_789, ZoneId.of("Europe/Berlin"))),
        DurationValue(14, -3, 86_400, 999_999_999),
        Point3DValue(4979, 12.5, -3.25, 100.0),
        VectorValue.ofFloats(floatArrayOf(1f, 2f, 3f)),
        MapValue(mapOf("nested" to ListValue(listOf(MapValue(mapOf("k" to StringValue("v")))))))
    ))
    val failure = MapValue(mapOf(
        "gql_status" to StringValue("22N01"), "description" to StringValue("d"), "message" to StringValue("m"),
        "neo4j_code" to StringValue("Neo.ClientError.Statement.TypeError"),
        "cause" to MapValue(mapOf("gql_status" to StringValue("50N42"), "description" to StringValue("d2"), "message" to StringValue("m2"))),
    ))
    val valid = listOf(
        message(0x71, record),
        message(0x70, MapValue(mapOf("fields" to ListValue(listOf(StringValue("a"), StringValue("b"))), "qid" to org.boltkt.protocol.value.IntegerValue(1)))),
        message(0x7F, failure),
        message(0x7E, null),
    )

    test("the corpus itself decodes") {
        valid.forEach { ResponseDecoder.decode(it, c) }
        (ResponseDecoder.decode(valid[0], c) as Response.Record).fields shouldBe record.values
    }

    test("every truncation of every valid message is rejected") {
        var cases = 0
        for (m in valid) for (cut in 0 until m.size) {
            val prefix = m.copyOf(cut)
            expectProtocolError(prefix) { ResponseDecoder.decode(prefix, c) }
            cases++
        }
        (cases > 100) shouldBe true
    }

    test("trailing bytes after a valid message are rejected") {
        for (m in valid) {
            val longer = m + byteArrayOf(0)
            expectProtocolError(longer) { ResponseDecoder.decode(longer, c) }
        }
    }

    test("seeded mutations of valid messages decode or throw BoltProtocolException, nothing else") {
        val rnd = Random(1234)
        repeat(5_000) {
            val m = valid[rnd.nextInt(valid.size)].copyOf()
            repeat(1 + rnd.nextInt(3)) { m[rnd.nextInt(m.size)] = rnd.nextInt(256).toByte() }
            try {
                ResponseDecoder.decode(m, c)
            } catch (e: org.boltkt.protocol.BoltProtocolException) {
                // expected
            } catch (t: Throwable) {
                throw AssertionError("mutation escaped as $t", t)
            }
        }
    }
})

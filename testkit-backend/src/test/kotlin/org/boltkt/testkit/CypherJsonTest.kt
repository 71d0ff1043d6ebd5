package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.BytesValue
import org.boltkt.protocol.value.DateTimeUnknownZoneValue
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.DateValue
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.LocalDateTimeValue
import org.boltkt.protocol.value.LocalTimeValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.TimeValue
import org.boltkt.protocol.value.Value
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime

class CypherJsonTest {
    private fun parse(text: String) = JSON.parseToJsonElement(text)

    private fun roundTrip(value: Value) = CypherJson.toValue(CypherJson.fromValue(value))

    @Test
    fun `scalars and collections survive a round trip`() {
        val values = listOf(
            NullValue, BooleanValue.TRUE, IntegerValue(Long.MIN_VALUE), FloatValue(1.5), StringValue("ä€"),
            ListValue(listOf(IntegerValue(1), StringValue("x"))),
            MapValue(mapOf("a" to ListValue(emptyList()), "b" to NullValue)),
            Point2DValue(7203, 1.0, 2.0), Point3DValue(4979, 1.0, 2.0, 3.0),
            DateValue(LocalDate.of(2024, 2, 29)),
            TimeValue(OffsetTime.of(12, 1, 2, 3, ZoneOffset.ofHours(-2))),
            LocalTimeValue(LocalTime.of(23, 59, 59, 999_999_999)),
            LocalDateTimeValue(LocalDateTime.of(1, 1, 1, 0, 0)),
            DateTimeValue(ZonedDateTime.of(LocalDateTime.of(2022, 6, 7, 11, 52, 5), ZoneOffset.ofHours(2))),
            DateTimeValue(ZonedDateTime.ofLocal(LocalDateTime.of(2022, 10, 30, 2, 30), ZoneId.of("Europe/Stockholm"), ZoneOffset.ofHours(1))),
            DurationValue(-1, 2, 3, 4),
        )
        for (v in values) assertEquals(v, roundTrip(v), "round trip of $v")
    }

    @Test
    fun `floats outside JSON numbers travel as testkit's strings`() {
        assertEquals(JsonPrimitive("NaN"), CypherJson.fromValue(FloatValue(Double.NaN))["data"]!!.jsonObject["value"])
        assertEquals(JsonPrimitive("-Infinity"), CypherJson.fromValue(FloatValue(Double.NEGATIVE_INFINITY))["data"]!!.jsonObject["value"])
        assertEquals(FloatValue(Double.POSITIVE_INFINITY), CypherJson.toValue(parse("""{"name":"CypherFloat","data":{"value":"+Infinity"}}""")))
        assertEquals(FloatValue(2.0), CypherJson.toValue(parse("""{"name":"CypherFloat","data":{"value":2}}""")))
    }

    @Test
    fun `bytes use testkit's space separated hex`() {
        val json = CypherJson.fromValue(BytesValue(byteArrayOf(0, -1, 16)))
        assertEquals(JsonPrimitive("00 ff 10"), json["data"]!!.jsonObject["value"])
        assertArrayEquals(byteArrayOf(0, -1, 16), (CypherJson.toValue(json) as BytesValue).value)
    }

    @Test
    fun `a zoned date-time carries both offset and zone id`() {
        val v = DateTimeValue(ZonedDateTime.ofLocal(LocalDateTime.of(2022, 6, 7, 11, 52, 5), ZoneId.of("Europe/Stockholm"), null))
        val data = CypherJson.fromValue(v)["data"]!!.jsonObject
        assertEquals(JsonPrimitive(7200), data["utc_offset_s"])
        assertEquals(JsonPrimitive("Europe/Stockholm"), data["timezone_id"])
    }

    @Test
    fun `nodes have tagged fields like testkit's Node`() {
        val node = CypherJson.fromValue(NodeValue(123, "n1-123", listOf("l1"), mapOf("a" to IntegerValue(1))))
        assertEquals(JsonPrimitive("Node"), node["name"])
        val data = node["data"]!!.jsonObject
        assertEquals(parse("""{"name":"CypherInt","data":{"value":123}}"""), data["id"])
        assertEquals(parse("""{"name":"CypherString","data":{"value":"n1-123"}}"""), data["elementId"])
        assertEquals(parse("""{"name":"CypherList","data":{"value":[{"name":"CypherString","data":{"value":"l1"}}]}}"""), data["labels"])
    }

    @Test
    fun `values testkit cannot carry and bad requests fail with a reason`() {
        val unknown = assertThrows<UnrepresentableValueException> { CypherJson.fromValue(DateTimeUnknownZoneValue(0, 0, "Europe/Neo4j", true)) }
        assert(unknown.message!!.contains("Europe/Neo4j"))
        assertThrows<BadRequestException> { CypherJson.toValue(parse("""{"name":"CypherWhatever","data":{}}""")) }
        assertThrows<BadRequestException> { CypherJson.toValue(parse("""{"name":"CypherInt","data":{"value":"1"}}""")) }
        assertThrows<BadRequestException> { CypherJson.toValue(parse("42")) }
        assertEquals(NullValue, CypherJson.toValue(JsonObject(mapOf("name" to JsonPrimitive("CypherNull")))))
    }
}

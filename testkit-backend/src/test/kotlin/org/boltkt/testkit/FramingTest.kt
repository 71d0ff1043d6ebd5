package org.boltkt.testkit

import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.BufferedReader
import java.io.StringReader
import java.io.StringWriter

class FramingTest {
    private fun reader(text: String) = RequestReader(BufferedReader(StringReader(text)))

    @Test
    fun `reads requests between begin and end lines, ignoring chatter outside frames`() {
        val r = reader(
            "noise\n#request begin\n{\"name\": \"GetFeatures\", \"data\": {}}\n#request end\n" +
                "#request begin\n{\"name\": \"StartTest\",\n \"data\": {\"testName\": \"stub.x\"}}\n#request end\n",
        )
        assertEquals(Request("GetFeatures", kotlinx.serialization.json.JsonObject(emptyMap())), r.next())
        val second = r.next()!!
        assertEquals("StartTest", second.name)
        assertEquals(JsonPrimitive("stub.x"), second.data["testName"])
        assertNull(r.next())
    }

    @Test
    fun `a request without data gets an empty data object`() {
        assertEquals(emptyMap<String, Any>(), RequestReader.parse("{\"name\": \"FakeTimeInstall\"}").data)
    }

    @Test
    fun `malformed frames and documents are rejected with a reason`() {
        assertThrows<FramingException> { reader("#request end\n").next() }
        assertThrows<FramingException> { reader("#request begin\n#request begin\n").next() }
        val notJson = assertThrows<FramingException> { RequestReader.parse("{nope") }
        assert(notJson.message!!.contains("not JSON"))
        assertThrows<FramingException> { RequestReader.parse("{\"data\": {}}") }
        assertThrows<FramingException> { RequestReader.parse("[1]") }
    }

    @Test
    fun `responses are framed with begin and end lines around one line of JSON`() {
        val out = StringWriter()
        ResponseWriter(out).send("Driver", obj("id" to "1"))
        val lines = out.toString().split('\n')
        assertEquals("#response begin", lines[0])
        val body = JSON.parseToJsonElement(lines[1]).jsonObject
        assertEquals(JsonPrimitive("Driver"), body["name"])
        assertEquals(JsonPrimitive("1"), body["data"]!!.jsonObject["id"])
        assertEquals("#response end", lines[2])
        assertEquals("", lines[3])
    }
}

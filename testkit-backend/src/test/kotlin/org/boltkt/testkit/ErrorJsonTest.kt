package org.boltkt.testkit

import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.GqlCauseException
import org.boltkt.client.error.ServerStatus
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.protocol.value.StringValue
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test

class ErrorJsonTest {
    @Test
    fun `a driver-side error has type, message and retryable flag but no code`() {
        val data = ErrorJson.driverError("7", ServiceUnavailableException("gone"))
        assertEquals(JsonPrimitive("7"), data["id"])
        assertEquals(JsonPrimitive("org.neo4j.driver.exceptions.ServiceUnavailableException"), data["errorType"])
        assertEquals(JsonPrimitive("gone"), data["msg"])
        assertEquals(JsonPrimitive(true), data["retryable"])
        assertFalse("code" in data)
        assertFalse("gqlStatus" in data)
    }

    @Test
    fun `GQL fields, classification and the cause chain are carried`() {
        val cause = GqlCauseException("inner", "01N01", "inner desc", mapOf("_classification" to StringValue("MADE_UP")))
        val error = ClientException(
            "outer",
            ServerStatus("Neo.ClientError.User.Uncool", "01N00", "outer desc", mapOf("_classification" to StringValue("CLIENT_ERROR"))),
            cause,
        )
        val data = ErrorJson.driverError("1", error)
        assertEquals(JsonPrimitive("Neo.ClientError.User.Uncool"), data["code"])
        assertEquals(JsonPrimitive("01N00"), data["gqlStatus"])
        assertEquals(JsonPrimitive("outer desc"), data["statusDescription"])
        assertEquals(JsonPrimitive("CLIENT_ERROR"), data["classification"])
        assertEquals(JsonPrimitive("CLIENT_ERROR"), data["rawClassification"])
        assertEquals(
            JSON.parseToJsonElement("""{"_classification":{"name":"CypherString","data":{"value":"CLIENT_ERROR"}}}"""),
            data["diagnosticRecord"],
        )
        val causeJson = data["cause"]!!.jsonObject
        assertEquals(JsonPrimitive("GqlError"), causeJson["name"])
        val causeData = causeJson["data"] as JsonObject
        assertEquals(JsonPrimitive("inner"), causeData["msg"])
        assertEquals(JsonPrimitive("UNKNOWN"), causeData["classification"])
        assertEquals(JsonPrimitive("MADE_UP"), causeData["rawClassification"])
        assertFalse("cause" in causeData)
    }

    @Test
    fun `an error without a classification reports UNKNOWN and a null raw classification`() {
        val data = ErrorJson.driverError("1", ClientException("x", ServerStatus("Neo.ClientError.X.Y", "50N42", "d", emptyMap())))
        assertEquals(JsonPrimitive("UNKNOWN"), data["classification"])
        assertEquals(JsonNull, data["rawClassification"])
    }
}

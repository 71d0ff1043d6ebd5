package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.StringValue
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test

class AuthTest {
    private fun parse(text: String): JsonObject = JSON.parseToJsonElement(text).jsonObject

    /** The exact `NewDriver.authorizationToken` testkit's `test_custom_scheme` sends (plain JSON parameters). */
    @Test
    fun `custom scheme parameters arrive as plain JSON and reach the token as Cypher values`() {
        val token = Auth.toToken(
            parse(
                """{"name": "AuthorizationToken", "data": {"scheme": "wild-scheme", "principal": "I See Something",
                "credentials": "You Don't See!", "realm": "And it's blue.",
                "parameters": {"sky?": "no", "my eyes": 0.1, "da be dee da be daa?": true, "n": 3, "l": [1, null],
                "m": {"k": "v"}}}}""",
            ),
        )
        val expected = AuthToken(
            mapOf(
                "scheme" to StringValue("wild-scheme"),
                "principal" to StringValue("I See Something"),
                "credentials" to StringValue("You Don't See!"),
                "realm" to StringValue("And it's blue."),
                "parameters" to MapValue(
                    mapOf(
                        "sky?" to StringValue("no"),
                        "my eyes" to FloatValue(0.1),
                        "da be dee da be daa?" to BooleanValue(true),
                        "n" to IntegerValue(3),
                        "l" to ListValue(listOf(IntegerValue(1), NullValue)),
                        "m" to MapValue(mapOf("k" to StringValue("v"))),
                    ),
                ),
            ),
        )
        assertEquals(expected, token)
    }

    @Test
    fun `a tagged Cypher parameter is still understood`() {
        val token = Auth.toToken(
            parse("""{"scheme": "x", "parameters": {"n": {"name": "CypherInt", "data": {"value": 7}}}}"""),
        )
        assertEquals(MapValue(mapOf("n" to IntegerValue(7))), token.entries["parameters"])
    }

    /**
     * testkit's `_pipelined` scripts (chosen when this flag is advertised) answer LOGOFF/LOGON only after the next
     * request; the client waits for those answers first, so claiming the flag hung every user switch (stub/authorization
     * `TestUserSwitchingV5x1`, `TestAuthTokenManager5x1.test_dynamic_auth_manager`). Re-add it only with the pipelining.
     */
    @Test
    fun `auth pipelining is not claimed while re-authentication waits for its answers`() {
        assertFalse("Optimization:AuthPipelining" in Features.FEATURES)
    }

    @Test
    fun `a token goes back to testkit with plain parameters, as it came`() {
        val sent = parse("""{"name": "AuthorizationToken", "data": {"scheme": "wild-scheme", "parameters": {"sky?": "no", "my eyes": 0.1}}}""")
        assertEquals(sent, Auth.toJson(Auth.toToken(sent)))
    }
}

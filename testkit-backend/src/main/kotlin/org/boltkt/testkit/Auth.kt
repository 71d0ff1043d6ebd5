package org.boltkt.testkit

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.double
import kotlinx.serialization.json.long
import kotlinx.serialization.json.longOrNull
import org.boltkt.client.auth.AuthTokens
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/** Testkit's `AuthorizationToken` objects to and from the driver's [AuthToken]. */
object Auth {
    /** [element] is `{"name": "AuthorizationToken", "data": {...}}`. */
    fun toToken(element: JsonObject): AuthToken {
        val data = element.objOrNull("data") ?: element
        val scheme = data.str("scheme")
        val principal = data.strOrNull("principal")
        val credentials = data.strOrNull("credentials")
        val realm = data.strOrNull("realm")?.takeIf { it.isNotEmpty() }
        val parameters = data.objOrNull("parameters")?.mapValues { parameterValue(it.value) }
        return when {
            scheme == "basic" && parameters == null -> AuthTokens.basic(principal ?: "", credentials ?: "", realm)
            scheme == "bearer" && parameters == null && principal == null -> AuthTokens.bearer(credentials ?: "")
            scheme == "kerberos" && parameters == null && principal == null -> AuthTokens.kerberos(credentials ?: "")
            scheme == "none" -> AuthTokens.none()
            else -> custom(scheme, principal, credentials, realm, parameters)
        }
    }

    /**
     * Testkit sends a custom token's `parameters` as plain JSON (the Python test's dict, encoded as is), not as
     * tagged Cypher values; a tagged object (`{"name": "CypherInt", ...}`) is still accepted.
     */
    internal fun parameterValue(element: JsonElement): Value = when (element) {
        JsonNull -> NullValue
        is JsonPrimitive -> when {
            element.isString -> StringValue(element.content)
            element.booleanOrNull != null -> BooleanValue(element.boolean)
            element.longOrNull != null -> IntegerValue(element.long)
            else -> FloatValue(element.double)
        }
        is JsonArray -> ListValue(element.map(::parameterValue))
        is JsonObject ->
            if (element.strOrNull("name")?.startsWith("Cypher") == true && element.containsKey("data")) CypherJson.toValue(element)
            else MapValue(element.mapValues { parameterValue(it.value) })
    }

    /** A custom token holding exactly the fields testkit gave (absent ones are not sent). */
    private fun custom(scheme: String, principal: String?, credentials: String?, realm: String?, parameters: Map<String, Value>?): AuthToken {
        val entries = linkedMapOf<String, Value>("scheme" to StringValue(scheme))
        principal?.let { entries["principal"] = StringValue(it) }
        credentials?.let { entries["credentials"] = StringValue(it) }
        realm?.let { entries["realm"] = StringValue(it) }
        parameters?.let { entries["parameters"] = MapValue(it) }
        return AuthToken(entries)
    }

    /** The token as testkit's `AuthorizationToken` object (plain JSON fields, as testkit sent them). */
    fun toJson(token: AuthToken): JsonObject {
        val data = token.entries.mapValues { (key, value) ->
            SummaryJson.plain(value)
        }
        return JsonObject(mapOf("name" to JsonPrimitive("AuthorizationToken"), "data" to JsonObject(data)))
    }
}

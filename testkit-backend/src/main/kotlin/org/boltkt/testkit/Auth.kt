package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import org.boltkt.client.auth.AuthTokens
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.value.MapValue
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
        val parameters = data.objOrNull("parameters")?.mapValues { CypherJson.toValue(it.value) }
        return when {
            scheme == "basic" && parameters == null -> AuthTokens.basic(principal ?: "", credentials ?: "", realm)
            scheme == "bearer" && parameters == null && principal == null -> AuthTokens.bearer(credentials ?: "")
            scheme == "kerberos" && parameters == null && principal == null -> AuthTokens.kerberos(credentials ?: "")
            scheme == "none" -> AuthTokens.none()
            else -> custom(scheme, principal, credentials, realm, parameters)
        }
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

    /** The token as testkit's `AuthorizationToken` object. */
    fun toJson(token: AuthToken): JsonObject {
        val data = token.entries.mapValues { (key, value) ->
            if (key == "parameters" && value is MapValue) JsonObject(value.entries.mapValues { CypherJson.fromValue(it.value) })
            else SummaryJson.plain(value)
        }
        return JsonObject(mapOf("name" to JsonPrimitive("AuthorizationToken"), "data" to JsonObject(data)))
    }
}

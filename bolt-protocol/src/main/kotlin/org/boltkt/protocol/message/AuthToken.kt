package org.boltkt.protocol.message

import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/**
 * The authentication map sent in LOGON (5.1+) or merged into HELLO (earlier versions).
 * [toString] prints only the scheme, principal and realm: every other field (credentials, a custom scheme's
 * parameters, fields added by hand) may be secret and is shown as `******`.
 *
 * @property entries the wire fields, e.g. `scheme`, `principal`, `credentials`, `realm`.
 */
public class AuthToken(public val entries: Map<String, Value>) {
    override fun equals(other: Any?): Boolean = other is AuthToken && entries == other.entries
    override fun hashCode(): Int = entries.hashCode()
    override fun toString(): String =
        "AuthToken(" + entries.entries.joinToString { (k, v) -> if (k in SHOWN) "$k=${v.shown()}" else "$k=******" } + ")"

    private fun Value.shown(): String = if (this is StringValue) value else toString()

    public companion object {
        private val SHOWN = setOf("scheme", "principal", "realm")

        /** Scheme `none`. */
        public fun none(): AuthToken = AuthToken(mapOf("scheme" to StringValue("none")))

        /** Scheme `basic` with an optional [realm]. */
        public fun basic(user: String, password: String, realm: String? = null): AuthToken = AuthToken(
            buildMap {
                put("scheme", StringValue("basic")); put("principal", StringValue(user))
                put("credentials", StringValue(password)); if (realm != null) put("realm", StringValue(realm))
            },
        )

        /** Scheme `bearer` (SSO token). */
        public fun bearer(token: String): AuthToken =
            AuthToken(mapOf("scheme" to StringValue("bearer"), "credentials" to StringValue(token)))

        /** Scheme `kerberos` with a base64 ticket. */
        public fun kerberos(ticket: String): AuthToken =
            AuthToken(mapOf("scheme" to StringValue("kerberos"), "principal" to StringValue(""), "credentials" to StringValue(ticket)))

        /** A custom scheme; [parameters] travel as the `parameters` map when non-empty. */
        public fun custom(scheme: String, principal: String, credentials: String, realm: String? = null, parameters: Map<String, Value> = emptyMap()): AuthToken =
            AuthToken(
                buildMap {
                    put("scheme", StringValue(scheme)); put("principal", StringValue(principal))
                    put("credentials", StringValue(credentials)); if (realm != null) put("realm", StringValue(realm))
                    if (parameters.isNotEmpty()) put("parameters", MapValue(parameters))
                },
            )
    }
}

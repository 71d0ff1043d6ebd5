package org.boltkt.client.auth

import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.value.Value

/**
 * Factories for the credentials a driver or session authenticates with. Each returns an immutable [AuthToken]
 * (whose `toString` hides the credentials) that can be passed as static auth or returned by an
 * [AuthTokenManager]. Pure functions; safe from any thread.
 */
public object AuthTokens {
    /** Scheme `basic`: [user] and [password], optionally for an authentication provider [realm]. */
    public fun basic(user: String, password: String, realm: String? = null): AuthToken =
        AuthToken.basic(user, password, realm)

    /** Scheme `bearer`: an SSO/OIDC [token]. Pair it with [AuthTokenManagers.bearer] when it expires. */
    public fun bearer(token: String): AuthToken = AuthToken.bearer(token)

    /** Scheme `kerberos`: a base64-encoded Kerberos [ticket]. */
    public fun kerberos(ticket: String): AuthToken = AuthToken.kerberos(ticket)

    /**
     * A custom [scheme] understood by a server-side authentication plugin (or Memgraph's SSO modules). [parameters]
     * are sent as the `parameters` map when non-empty.
     */
    public fun custom(
        scheme: String,
        principal: String,
        credentials: String,
        realm: String? = null,
        parameters: Map<String, Value> = emptyMap(),
    ): AuthToken = AuthToken.custom(scheme, principal, credentials, realm, parameters)

    /** Scheme `none`: for servers with authentication disabled. */
    public fun none(): AuthToken = AuthToken.none()
}

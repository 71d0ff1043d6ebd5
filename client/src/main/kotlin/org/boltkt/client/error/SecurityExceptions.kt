package org.boltkt.client.error


/**
 * The server rejected the credentials (`Neo.ClientError.Security.Unauthorized`, Memgraph's
 * `Memgraph.ClientError.Security.Unauthenticated`). Thrown when opening or re-authenticating a connection, so from
 * any operation that needs one. Not retryable unless an [org.boltkt.client.auth.AuthTokenManager] (for example
 * [org.boltkt.client.auth.AuthTokenManagers.basic]) handled it and will supply new credentials.
 */
public open class AuthenticationException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : ClientException(message, status, cause)

/**
 * The server says the authentication token has expired (`Neo.ClientError.Security.TokenExpired`). The connection
 * that saw it is closed. Retryable only once an [org.boltkt.client.auth.AuthTokenManager] that can refresh tokens
 * (for example [org.boltkt.client.auth.AuthTokenManagers.bearer]) handled it ([isHandledByAuthManager]); with
 * static credentials retrying cannot help.
 */
public class TokenExpiredException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : AuthenticationException(message, status, cause)

/**
 * TLS refused the server's certificate (untrusted CA, host name mismatch, invalid certificate); the message names
 * the reason and the fix. Never retryable: every new connection would be refused the same way until the trust
 * settings (or the server's certificate) change.
 */
public class CertificateRejectedException(message: String, cause: Throwable? = null) :
    ClientException(message, ServerStatus.NONE, cause)

/**
 * The server's cached authorization for this connection expired (`Neo.ClientError.Security.AuthorizationExpired`).
 * The connection is closed; every other connection to that server open at that moment logs on again before its
 * next use (Bolt 5.1+) or is closed (idle ones at once, busy ones once their work ends). The same work on a
 * re-authorized connection succeeds, so this is always retryable.
 */
public class AuthorizationExpiredException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : ClientException(message, status, cause) {
    /** Always true: a new connection gets fresh authorization. */
    override val isRetryable: Boolean get() = true
}

/**
 * The authenticated user may not do what was asked (`Neo.ClientError.Security.Forbidden`). Not retryable: the same
 * request keeps failing until permissions change, unless an auth token manager handled it.
 */
public class ForbiddenException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : ClientException(message, status, cause)

package org.boltkt.client.auth

import org.boltkt.client.error.BoltException
import org.boltkt.protocol.message.AuthToken

/**
 * Supplies the driver's credentials and lets them change over time (password rotation, expiring SSO tokens).
 * Use [AuthTokenManagers] for the common cases or implement it yourself.
 *
 * Contract for implementations:
 * - Thread-safe: both methods are called concurrently from many connections.
 * - Every token must belong to the same identity; switching users through a manager is undefined behaviour
 *   (use session-level auth for that).
 * - Must not use the driver (no queries, no sessions): that can deadlock.
 */
public interface AuthTokenManager {
    /**
     * The token to authenticate the next connection with. Called very often (whenever a connection is opened or
     * checked for re-authentication), so it should return a cached token cheaply and only occasionally do real
     * work. Cancellable: if the caller is cancelled, the driver abandons the connection attempt.
     *
     * @throws Exception any failure, which fails the operation that needed the connection.
     */
    public suspend fun getToken(): AuthToken

    /**
     * Called by the driver when the server answered a request authenticated with [token] with a security error
     * ([org.boltkt.client.error.ClientException.isSecurityError]: `Neo.ClientError.Security.*`). Must not block
     * or suspend; typically it only drops [token] from its cache so the next [getToken] fetches a new one.
     *
     * @return true if the error was handled, so that the failed operation may be retried with a new token (the
     *   driver then marks [error] retryable); false to let [error] fail the operation as usual.
     */
    public fun handleSecurityException(token: AuthToken, error: BoltException): Boolean
}

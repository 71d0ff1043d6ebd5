package org.boltkt.client.auth

import org.boltkt.client.error.AuthenticationException
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.TokenExpiredException
import org.boltkt.protocol.message.AuthToken
import java.time.Clock

/** Factories for the standard [AuthTokenManager]s. All returned managers are thread-safe. */
public object AuthTokenManagers {

    /**
     * A manager that always returns [token] and never handles security errors, so an auth failure is final.
     * This is what plain static credentials amount to.
     */
    public fun static(token: AuthToken): AuthTokenManager = StaticAuthTokenManager(token)

    /**
     * A manager for rotating passwords: it caches the token from [provider] until the server rejects it as
     * unauthorized ([AuthenticationException] other than [TokenExpiredException]), then calls [provider] again on
     * the next [AuthTokenManager.getToken]. Such an error is reported handled, so the failed work may be retried
     * with the new token; note that a wrong password therefore fails only after the retry time runs out.
     *
     * [provider] runs at most once at a time: concurrent callers during a refresh wait for its result. If it
     * throws (or its caller is cancelled), nothing is cached and that caller sees the failure; the next call tries
     * again. [provider] must not use the driver.
     */
    public fun basic(provider: suspend () -> AuthToken): AuthTokenManager =
        RefreshingAuthTokenManager(
            provider = { ExpiringAuthToken(provider()) },
            clock = Clock.systemUTC(),
            handles = { it is AuthenticationException && it !is TokenExpiredException },
        )

    /**
     * A manager for expiring tokens (SSO/OIDC bearer tokens): it caches the [ExpiringAuthToken] from [provider]
     * until its [ExpiringAuthToken.expiresAt] is reached according to [clock], or until the server reports it
     * expired or unauthorized ([TokenExpiredException] or any [AuthenticationException]); such errors are
     * reported handled so the work may be retried with a new token.
     *
     * [provider] runs at most once at a time, as for [basic]. A token that is already expired when the provider
     * returns it is still used once rather than looping. [provider] must not use the driver.
     */
    public fun bearer(
        clock: Clock = Clock.systemUTC(),
        provider: suspend () -> ExpiringAuthToken,
    ): AuthTokenManager = RefreshingAuthTokenManager(
        provider = provider,
        clock = clock,
        handles = { it is AuthenticationException },
    )
}

/** True when [AuthTokenManager.getToken] returns at once without suspending (a static token): no timer needed around it. */
internal val AuthTokenManager.answersAtOnce: Boolean get() = this is StaticAuthTokenManager

/** Always the same token; handles nothing. */
private class StaticAuthTokenManager(private val token: AuthToken) : AuthTokenManager {
    override suspend fun getToken(): AuthToken = token
    override fun handleSecurityException(token: AuthToken, error: BoltException): Boolean = false
    override fun toString(): String = "AuthTokenManagers.static($token)"
}

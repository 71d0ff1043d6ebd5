package org.boltkt.javainterop

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.GlobalScope
import kotlinx.coroutines.future.await
import kotlinx.coroutines.future.future
import org.boltkt.client.auth.AuthTokenManager
import org.boltkt.client.auth.AuthTokenManagers
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.auth.ExpiringAuthToken
import org.boltkt.client.error.BoltException
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.value.Value
import java.time.Clock
import java.util.concurrent.CompletionStage
import java.util.function.Supplier

/**
 * Static factories for credentials, for Java (`JavaAuthTokens.basic("neo4j", "secret")`); they delegate to
 * [AuthTokens]. Pure functions, safe from any thread; they throw nothing.
 */
public object JavaAuthTokens {
    /** Scheme `basic`: [user] and [password], optionally for an authentication provider [realm]. */
    @JvmStatic
    @JvmOverloads
    public fun basic(user: String, password: String, realm: String? = null): AuthToken = AuthTokens.basic(user, password, realm)

    /** Scheme `bearer`: an SSO/OIDC [token]. */
    @JvmStatic
    public fun bearer(token: String): AuthToken = AuthTokens.bearer(token)

    /** Scheme `kerberos`: a base64-encoded Kerberos [ticket]. */
    @JvmStatic
    public fun kerberos(ticket: String): AuthToken = AuthTokens.kerberos(ticket)

    /** A custom [scheme] for a server-side authentication plugin; [parameters] are sent when non-empty. */
    @JvmStatic
    @JvmOverloads
    public fun custom(
        scheme: String,
        principal: String,
        credentials: String,
        realm: String? = null,
        parameters: Map<String, Value> = emptyMap(),
    ): AuthToken = AuthTokens.custom(scheme, principal, credentials, realm, parameters)

    /** Scheme `none`, for servers with authentication disabled. */
    @JvmStatic
    public fun none(): AuthToken = AuthTokens.none()
}

/**
 * The Java shape of [AuthTokenManager]: supplies the driver's credentials and lets them change (password rotation,
 * expiring tokens). The contract is that of [AuthTokenManager]: thread-safe, one identity, must not use the driver.
 *
 * Use [JavaAuthTokenManagers] for the standard managers, or implement it.
 */
public interface JavaAuthTokenManager {
    /**
     * The token for the next connection, as a stage (return `CompletableFuture.completedFuture(token)` for a cached
     * one). Called often and concurrently. If the driver's caller is cancelled, the driver stops waiting for the
     * stage but does not cancel it. A stage completing exceptionally fails the operation needing the connection
     * with that exception.
     */
    public fun getToken(): CompletionStage<AuthToken>

    /**
     * The server rejected [token] with a security error; return true if it was handled (e.g. the token dropped
     * from a cache) so the work may be retried with a new token. Must not block.
     */
    public fun handleSecurityException(token: AuthToken, error: BoltException): Boolean
}

/** Factories for the standard auth token managers, delegating to [AuthTokenManagers]. All are thread-safe. */
public object JavaAuthTokenManagers {
    /** Always [token]; never handles security errors (plain static credentials). */
    @JvmStatic
    public fun staticToken(token: AuthToken): JavaAuthTokenManager = KotlinAuthManagerView(AuthTokenManagers.static(token))

    /**
     * Rotating passwords: caches the token from [provider] until the server rejects it as unauthorized, then asks
     * [provider] again (see [AuthTokenManagers.basic]). [provider] runs at most once at a time.
     */
    @JvmStatic
    public fun basic(provider: Supplier<out CompletionStage<AuthToken>>): JavaAuthTokenManager =
        KotlinAuthManagerView(AuthTokenManagers.basic { provider.get().await() })

    /** Expiring (bearer) tokens: caches until [ExpiringAuthToken.expiresAt] per [clock] or a server rejection. */
    @JvmStatic
    @JvmOverloads
    public fun bearer(provider: Supplier<out CompletionStage<ExpiringAuthToken>>, clock: Clock = Clock.systemUTC()): JavaAuthTokenManager =
        KotlinAuthManagerView(AuthTokenManagers.bearer(clock) { provider.get().await() })

    /** The Kotlin manager behind a Java one (the original one when it came from these factories). */
    @JvmStatic
    public fun toKotlin(manager: JavaAuthTokenManager): AuthTokenManager =
        (manager as? KotlinAuthManagerView)?.delegate ?: JavaAuthManagerAdapter(manager)

    /** A Java view of a Kotlin manager; `getToken` runs it on `Dispatchers.Default`. */
    @JvmStatic
    public fun fromKotlin(manager: AuthTokenManager): JavaAuthTokenManager =
        (manager as? JavaAuthManagerAdapter)?.delegate ?: KotlinAuthManagerView(manager)
}

private class KotlinAuthManagerView(val delegate: AuthTokenManager) : JavaAuthTokenManager {
    @OptIn(kotlinx.coroutines.DelicateCoroutinesApi::class)
    override fun getToken(): CompletionStage<AuthToken> = GlobalScope.future(Dispatchers.Default) { delegate.getToken() }
    override fun handleSecurityException(token: AuthToken, error: BoltException): Boolean = delegate.handleSecurityException(token, error)
    override fun toString(): String = delegate.toString()
}

private class JavaAuthManagerAdapter(val delegate: JavaAuthTokenManager) : AuthTokenManager {
    override suspend fun getToken(): AuthToken = delegate.getToken().await()
    override fun handleSecurityException(token: AuthToken, error: BoltException): Boolean = delegate.handleSecurityException(token, error)
    override fun toString(): String = delegate.toString()
}

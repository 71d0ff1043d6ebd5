package org.boltkt.client.auth

import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import org.boltkt.client.error.BoltException
import org.boltkt.protocol.message.AuthToken
import java.time.Clock
import java.util.concurrent.atomic.AtomicReference

/**
 * Caches the provider's token until it expires or a handled security error invalidates it. The fast path is a
 * lock-free read; refreshes are serialized by a [Mutex], so concurrent callers during a refresh share one
 * provider call. Cancellation of a refreshing caller releases the mutex and leaves the cache empty.
 */
internal class RefreshingAuthTokenManager(
    private val provider: suspend () -> ExpiringAuthToken,
    private val clock: Clock,
    private val handles: (BoltException) -> Boolean,
) : AuthTokenManager {
    private val current = AtomicReference<ExpiringAuthToken?>(null)
    private val refresh = Mutex()

    override suspend fun getToken(): AuthToken {
        usable()?.let { return it.token }
        return refresh.withLock {
            usable()?.token ?: provider().also { current.set(it) }.token
        }
    }

    override fun handleSecurityException(token: AuthToken, error: BoltException): Boolean {
        if (!handles(error)) return false
        // Drop the cached token only if it is the one the server rejected: another connection may already have
        // fetched a newer one, which must survive a late error about the old token.
        val cached = current.get()
        if (cached != null && cached.token == token) current.compareAndSet(cached, null)
        return true
    }

    private fun usable(): ExpiringAuthToken? = current.get()?.takeUnless { it.isExpired(clock) }
}

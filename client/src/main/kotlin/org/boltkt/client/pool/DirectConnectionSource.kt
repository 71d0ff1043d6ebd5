package org.boltkt.client.pool

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.withTimeoutOrNull
import org.boltkt.client.auth.AuthTokenManager
import org.boltkt.client.auth.answersAtOnce
import org.boltkt.client.auth.onSecurityError
import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.connection.Connector
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.ConnectionAcquisitionTimeoutException
import org.boltkt.client.error.ErrorMapper
import org.boltkt.client.error.MemberPoolRetiredException
import org.boltkt.client.error.PoolClosedException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.observe.ConnectionAcquired
import org.boltkt.client.observe.ConnectionAcquisitionFailed
import org.boltkt.client.observe.DriverEvents
import org.boltkt.client.observe.Reauthenticated
import org.boltkt.client.observe.ReauthenticationReason
import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.AuthToken
import org.slf4j.Logger
import org.slf4j.helpers.NOPLogger
import kotlin.time.Duration
import kotlin.time.TimeMark
import kotlin.time.TimeSource

/**
 * Connections to one server (`bolt://`): one [ConnectionPool], connections opened through [connector] with the
 * driver's credentials from [authManager] (or, when a session with its own credentials needs a new one, with those),
 * and re-authenticated (LOGOFF/LOGON, Bolt 5.1+) when a session asks for other credentials than an idle connection
 * carries or the manager's token changed. Before 5.1 a changed manager token closes the idle connection and opens a
 * new one, and session-level credentials are refused with [UnsupportedFeatureException].
 *
 * A new connection goes to [address], then to each of [fallbacks] in order (a `bolt://a,b` seed list), each first
 * mapped by [resolver] when one is set; the first that connects wins. The routing source uses one instance per
 * cluster member, without fallbacks or resolver.
 */
internal class DirectConnectionSource(
    private val address: ServerAddress,
    private val connector: Connector,
    private val authManager: AuthTokenManager,
    poolSettings: PoolSettings,
    private val acquisitionTimeout: Duration,
    private val resolver: (suspend (ServerAddress) -> List<ServerAddress>)?,
    private val logger: Logger = NOPLogger.NOP_LOGGER,
    private val fallbacks: List<ServerAddress> = emptyList(),
    private val events: DriverEvents? = null,
) : ConnectionSource {
    private val pool = ConnectionPool(
        address, poolSettings, connect = { open(null) { authManager.getToken() } }, nanoTime = poolSettings.nanoTime, logger = logger, events = events,
    )

    // Both branches are tail calls, so without a listener this adds no coroutine frame, event or clock read.
    override suspend fun acquire(request: AcquireRequest): ConnectionLease =
        if (events == null) acquireConnection(request) else acquireObserved(request, events)

    /** [acquireConnection], timed and reported to the listener. */
    private suspend fun acquireObserved(request: AcquireRequest, events: DriverEvents): ConnectionLease {
        val start = events.now()
        val lease = try {
            acquireConnection(request)
        } catch (e: Throwable) {
            val waited = events.now() - start
            if (e !is CancellationException) {
                events.emit("connectionAcquisitionFailed") {
                    connectionAcquisitionFailed(ConnectionAcquisitionFailed(address, waited, e, (e as? BoltException)?.code))
                }
            }
            throw e
        }
        val waited = events.now() - start
        val connection = lease.connection
        events.emit("connectionAcquired") { connectionAcquired(ConnectionAcquired(address, connection.server.connectionId, waited, !connection.released)) }
        return lease
    }

    private suspend fun acquireConnection(request: AcquireRequest): ConnectionLease {
        val sessionAuth = request.auth
        // The acquisition timeout covers everything up to the hand-out: waiting for a permit, connecting, and for a
        // pooled connection the manager's token and a re-authentication (LOGOFF/LOGON).
        val deadline = TimeSource.Monotonic.markNow() + acquisitionTimeout
        // The manager's token this acquire used (for handleSecurityException); asked once per acquire of a new
        // connection (when it is opened) or of a pooled one (to check it), as the official drivers do. It stays
        // null under session credentials: only the manager's own token is its business.
        var managedToken: AuthToken? = null
        while (true) {
            var acquired: BoltConnection? = null
            var opened = false
            try {
                // An idle connection is taken without a timeout: arming one costs a wake-up of the shared timer
                // thread per acquire, for a wait that cannot happen.
                acquired = pool.tryAcquireIdle()
                if (acquired == null) withinAcquisitionTimeout(deadline) {
                    acquired = pool.acquire {
                        opened = true
                        // A session with its own credentials logs on with them directly (HELLO+LOGON as that
                        // user), not first as the driver's user and then LOGOFF/LOGON.
                        open(sessionAuth) { authManager.getToken().also { if (sessionAuth == null) managedToken = it } }
                    }
                }
                val connection = acquired!!
                if (sessionAuth != null && !connection.capabilities.logonLogoff) throw sessionAuthUnsupported(connection)
                if (opened) return lease(connection, managedToken) // just logged on as asked
                val token = sessionAuth ?: managerToken(deadline).also { managedToken = it }
                if (connection.auth == token && !request.forceAuth && !connection.reauthenticationRequired) return lease(connection, managedToken)
                if (!connection.capabilities.logonLogoff) {
                    // Before 5.1 credentials cannot change on an open connection: the manager's new token gets a
                    // new connection, and this one is closed (the official drivers' backwards-compatible refresh).
                    connection.close()
                    pool.release(connection)
                    continue
                }
                val reason = when {
                    request.forceAuth -> ReauthenticationReason.VERIFY_AUTHENTICATION
                    connection.reauthenticationRequired -> ReauthenticationReason.AUTHORIZATION_EXPIRED
                    sessionAuth != null -> ReauthenticationReason.SESSION_AUTH
                    else -> ReauthenticationReason.TOKEN_CHANGED // or back from a session's credentials to the driver's
                }
                // Cut by the timeout mid-exchange, the connection breaks (its stream position is lost) and is closed.
                withinAcquisitionTimeout(deadline) { connector.reauthenticate(connection, token) }
                logger.debug("Logged on again on {} ({})", connection, reason)
                events?.emit("reauthenticated") { reauthenticated(Reauthenticated(address, connection.server.connectionId, reason)) }
                return lease(connection, managedToken)
            } catch (e: AcquisitionTimedOut) {
                // The timeout may fire just after the pool handed a connection over: give it back.
                acquired?.let { pool.release(it) }
                throw ConnectionAcquisitionTimeoutException(
                    // Worded like the official drivers' message, which tools and people search logs for.
                    "Unable to acquire connection from the pool within configured maximum time of " +
                        "${acquisitionTimeout.inWholeMilliseconds}ms (pool for $address: ${pool.inUseCount} in use of " +
                        "${pool.idleCount + pool.inUseCount} open); raise " +
                        "maxConnectionPoolSize or connectionAcquisitionTimeout, or release sessions sooner",
                )
            } catch (e: CancellationException) {
                // Includes a timeout of the caller's own (an outer withTimeout): that stays the caller's cancellation.
                acquired?.let { pool.release(it) }
                throw e
            } catch (e: Throwable) {
                acquired?.let { pool.release(it) }
                if (e is PoolClosedException && retired) throw MemberPoolRetiredException(address, e)
                throw mapped(e, managedToken)
            }
        }
    }

    /** The manager's token; a manager that may suspend (a refresh) gets what is left of the acquisition timeout. */
    private suspend fun managerToken(deadline: TimeMark): AuthToken =
        if (authManager.answersAtOnce) authManager.getToken() else withinAcquisitionTimeout(deadline) { authManager.getToken() }

    /**
     * Runs [block] within what is left until [deadline]; throws [AcquisitionTimedOut] when that runs out. Only this
     * timeout becomes the acquisition error: `withTimeoutOrNull` returns null for its own timeout alone, so a
     * caller's outer timeout or cancellation propagates unchanged.
     */
    private suspend fun <T : Any> withinAcquisitionTimeout(deadline: TimeMark, block: suspend () -> T): T {
        val left = -deadline.elapsedNow()
        if (!left.isPositive()) throw AcquisitionTimedOut()
        return withTimeoutOrNull(left) { block() } ?: throw AcquisitionTimedOut()
    }

    /** This source's own acquisition timeout ran out (never a caller's cancellation). */
    private class AcquisitionTimedOut : Exception(null, null, false, false)

    /** A new connection; [driverAuth] is asked at most once, and only when the driver's credentials are used. */
    private suspend fun open(sessionAuth: AuthToken?, driverAuth: suspend () -> AuthToken): BoltConnection {
        var token: AuthToken? = null
        val once: suspend () -> AuthToken = { token ?: driverAuth().also { token = it } }
        val candidates = (listOf(address) + fallbacks).flatMap { seed -> resolver?.invoke(seed)?.takeIf { it.isNotEmpty() } ?: listOf(seed) }.distinct()
        var lastError: Throwable? = null
        for (candidate in candidates) {
            try {
                return connector.connect(candidate, sessionAuth, once)
            } catch (e: CancellationException) {
                throw e
            } catch (e: Throwable) {
                val mapped = ErrorMapper.map(e, candidate)
                if (mapped !is ServiceUnavailableException) throw e
                lastError?.let { mapped.addSuppressed(it) }
                lastError = mapped
            }
        }
        throw lastError!!
    }

    /** Session-level credentials need LOGON (5.1+); the official drivers refuse them on older servers, equal or not. */
    private fun sessionAuthUnsupported(connection: BoltConnection) = UnsupportedFeatureException(
        "session-level credentials (user switching, verifyAuthentication) need Bolt 5.1+ (LOGON); ${connection.address} " +
            "speaks ${connection.capabilities.version}. Use a driver per user instead.",
    )

    /**
     * Maps [error]; a security failure with the driver's own [managedToken] is shown to the manager, which may
     * refresh its token and mark the error handled (then retryable).
     */
    private fun mapped(error: Throwable, managedToken: AuthToken?): Throwable {
        val public = ErrorMapper.map(error, address)
        if (managedToken != null) authManager.onSecurityError(managedToken, public)
        return public
    }

    /**
     * The hand-out of [connection]: released into this pool; when it works with the manager's [token] (null:
     * session credentials) its security failures reach the manager (re-authentication policy).
     */
    private fun lease(connection: BoltConnection, token: AuthToken?): ConnectionLease {
        val policy = token?.let { t -> FailurePolicy { e -> authManager.onSecurityError(t, e); e } } ?: FailurePolicy.NONE
        return ConnectionLease(connection, pool::release, policy, pool::releaseLeaked)
    }

    /** Connections of this pool handed out and not yet released (routing picks the least busy member by it). */
    val inUseCount: Int get() = pool.inUseCount

    override fun poolMetrics(): List<PoolMetrics> =
        listOf(PoolMetrics(address.toString(), pool.inUseCount, pool.idleCount))

    override suspend fun close() = pool.closeGracefully()

    /**
     * Set by [retire]: this member left every routing table and its pool was closed, so an acquire that raced the
     * closing fails with a retryable [MemberPoolRetiredException] (routing picks again), not as a closed driver.
     */
    @Volatile
    private var retired = false

    /** Closes this member's pool because routing no longer needs it (not because the driver closes). */
    suspend fun retire() {
        retired = true
        close()
    }
}

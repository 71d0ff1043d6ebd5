package org.boltkt.client.pool

import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.DriverDefectException
import org.boltkt.client.error.ErrorMapper
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import kotlin.time.Duration.Companion.seconds
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Where sessions get connections. One interface with decorators: [DirectConnectionSource] serves `bolt://` from a
 * single pool; routing (for `neo4j://`) decorates per-address pools with a routing table. Sessions never see pools.
 */
internal interface ConnectionSource {
    /**
     * A lease on a connection authenticated as [AcquireRequest.auth] (or the driver's credentials when null) and
     * READY; the lease owns the release ([ConnectionLease.release], idempotent) and this source's failure policy
     * ([ConnectionLease.fail]). Throws public exceptions (acquisition timeout, service unavailable,
     * authentication); cancellation at any point leaks nothing.
     */
    suspend fun acquire(request: AcquireRequest): ConnectionLease

    /** Per-address counts, for metrics and tests. */
    fun poolMetrics(): List<PoolMetrics>

    /** Closes every pool; later acquires fail. */
    suspend fun close()

    /**
     * For a session without a database: which database to route to and whether to name it in BEGIN/RUN, or null
     * when the source does not resolve databases (a `bolt://` driver leaves it to the server). [request]'s
     * bookmarks go with the ROUTE that may be sent.
     */
    suspend fun homeDatabase(request: AcquireRequest): HomeDatabase? = null

    /** A server named [database] as the home database of [request]'s user (Bolt 5.8+ BEGIN/RUN SUCCESS `db`). */
    fun homeDatabaseSeen(request: AcquireRequest, database: String) {}
}

/**
 * The home database a routing source chose for a session.
 *
 * @property route the key of the routing table that serves it.
 * @property name the database to name in BEGIN/RUN, or null to let the server pick its home database (a server
 *   whose routing table names no database, like a Memgraph coordinator, or a [guessed] name).
 * @property guessed true for a cached guess (Bolt 5.8+ servers with server-side routing): it only picks the
 *   routing table, and the `db` the server echoes in BEGIN/RUN SUCCESS settles the session.
 */
internal data class HomeDatabase(val route: String, val name: String?, val guessed: Boolean)

/**
 * What a session needs from a connection.
 *
 * @property database target database (null = the user's home database); routing uses it to pick members.
 * @property auth session-level credentials; null means the driver's.
 * @property bookmarks the bookmarks of a ROUTE the acquire may need (causal consistency of the routing table),
 *   asked for only when a ROUTE is really sent, once per routing-table fetch: a bookmark manager's supplier is
 *   called for the ROUTE apart from the bookmarks of the BEGIN/RUN that follows, as in the official drivers.
 * @property tableJustFetched the caller has just fetched [database]'s routing table (it resolved the home database
 *   with a ROUTE): this acquire asks no router again, so when every member fails it fails (a retry fetches anew).
 * @property forceAuth log on again even when a pooled connection already carries the credentials
 *   (`verifyAuthentication`: the server must check them now).
 */
internal data class AcquireRequest(
    val mode: AccessMode = AccessMode.WRITE,
    val database: String? = null,
    val impersonatedUser: String? = null,
    val auth: AuthToken? = null,
    val bookmarks: suspend () -> List<String> = NO_BOOKMARKS,
    val tableJustFetched: Boolean = false,
    val forceAuth: Boolean = false,
)

private val NO_BOOKMARKS: suspend () -> List<String> = { emptyList() }

/** How long cleanup (RESET, DISCARD, ROLLBACK) may take before the connection is closed instead. */
internal val CLEANUP_TIMEOUT = 10.seconds

/**
 * What a failure on a handed-out connection means to the source that handed it out (routing: update the tables;
 * the driver's auth token manager: see security errors). Gets the mapped public exception, returns what the holder
 * reports (the same one, or a replacement such as a routing driver's `SessionExpiredException`). Must not throw.
 */
internal fun interface FailurePolicy {
    fun onFailure(error: BoltException): Throwable

    /** This policy, then [next] on what it returned. */
    fun then(next: FailurePolicy): FailurePolicy = FailurePolicy { e ->
        val first = onFailure(e)
        if (first is BoltException) next.onFailure(first) else first
    }

    companion object {
        val NONE: FailurePolicy = FailurePolicy { it }
    }
}

/**
 * One hand-out of a connection by a [ConnectionSource]. The holder uses [connection] from one coroutine at a time,
 * reports failures through [fail] and ends the hand-out with [release].
 *
 * - [release] is idempotent per lease: only the first call gives the connection back, so a second release (a
 *   cleanup path racing a normal end) can never touch a connection that another holder got meanwhile.
 * - [fail] is the one way from "the connection threw" to the public exception: it maps through [ErrorMapper],
 *   closes the connection on a driver defect, and applies the source's [FailurePolicy].
 */
internal class ConnectionLease(
    val connection: BoltConnection,
    private val giveBack: (BoltConnection) -> Unit,
    private val policy: FailurePolicy = FailurePolicy.NONE,
    /** How [releaseLeaked] gives the connection back (the pool's own path reports why it is closed). */
    private val giveBackLeaked: (BoltConnection) -> Unit = { connection.close(); giveBack(it) },
) {
    private val released = AtomicBoolean(false)

    /** True once [release] was called. */
    val isReleased: Boolean get() = released.get()

    /**
     * The public exception for [cause] (anything the connection or the code driving it threw), after the source's
     * policy saw it. [duringCommit]: COMMIT was sent, so a lost connection is an incomplete commit. A driver defect
     * closes the connection, unless this lease was already released (the connection may serve someone else now).
     * @throws kotlinx.coroutines.CancellationException and JVM errors, rethrown unchanged.
     */
    fun fail(cause: Throwable, duringCommit: Boolean = false): Throwable {
        val mapped = ErrorMapper.map(cause, connection.address, duringCommit)
        // Once released the connection may be another holder's: it is never touched again through this lease.
        if (mapped is DriverDefectException && !isReleased) connection.close()
        return policy.onFailure(mapped)
    }

    /**
     * Gives the connection back, once: an in-sync connection that is not READY (failed query, unread answers) is
     * RESET and drained first; a broken one is simply given back, which closes it. Runs to completion even in a
     * cancelled coroutine, bounded by [CLEANUP_TIMEOUT]; if that fires mid-exchange the connection breaks and is
     * closed. Never throws.
     */
    suspend fun release() {
        if (!released.compareAndSet(false, true)) return
        withContext(NonCancellable) {
            // A connection whose authorization expired is closed on release anyway: no point resetting it first.
            if (connection.isOpen && !connection.isReusable && !connection.authorizationExpired) {
                withTimeoutOrNull(CLEANUP_TIMEOUT) { runCatching { connection.resetAndDrain() } }
            }
            giveBack(connection)
        }
    }

    /**
     * Ends a hand-out whose holder became unreachable (a leaked session, from the cleaner thread): the connection is
     * closed, never RESET (its stream position is unknown and nobody can read it any more), and its pool place is
     * freed. Takes effect once, like [release], and does nothing after it. Never suspends or throws.
     * @return true when this call ended the hand-out.
     */
    fun releaseLeaked(): Boolean {
        if (!released.compareAndSet(false, true)) return false
        giveBackLeaked(connection)
        return true
    }

    /**
     * This hand-out with [outer] applied after this lease's own policy (a routing source decorating a member's
     * lease). The receiver must not be used afterwards: the returned lease owns the release.
     */
    fun withPolicy(outer: FailurePolicy): ConnectionLease = ConnectionLease(connection, giveBack, policy.then(outer), giveBackLeaked)
}

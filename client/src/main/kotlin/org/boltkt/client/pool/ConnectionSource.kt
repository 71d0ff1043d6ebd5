package org.boltkt.client.pool

import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken

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

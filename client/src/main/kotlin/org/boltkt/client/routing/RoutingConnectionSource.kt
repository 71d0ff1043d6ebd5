package org.boltkt.client.routing

import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import org.boltkt.client.error.MemberPoolRetiredException
import org.boltkt.client.error.RoutingUnavailableException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.error.SessionExpiredException
import org.boltkt.client.observe.DriverEvents
import org.boltkt.client.observe.RoutingTableUpdated
import org.boltkt.client.pool.AcquireRequest
import org.boltkt.client.pool.ConnectionLease
import org.boltkt.client.pool.ConnectionSource
import org.boltkt.client.pool.HomeDatabase
import org.boltkt.client.pool.PoolMetrics
import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.AccessMode
import org.slf4j.Logger
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicInteger

/**
 * Client-side routing for `neo4j://`: one [RoutingTable] per database (fetched with ROUTE, kept for its TTL),
 * reads to readers and writes to writers, the least busy member first (fewest connections in use, ties rotating),
 * decorating one per-address pool per member ([MemberPools]). Pools of members that left every table are closed
 * once idle.
 *
 * A member that cannot be reached leaves the tables and the next member is tried; when a mode has no member left
 * the table is fetched again (known routers, then the seeds) before giving up with [SessionExpiredException].
 * Failures on handed-out connections update the tables through [RoutingFailures]. Concurrent refreshes of one
 * database are coalesced. Thread-safe; cancellation leaks nothing (the per-address pools guarantee it).
 */
internal class RoutingConnectionSource(
    private val pools: MemberPools,
    private val rediscovery: Rediscovery,
    private val logger: Logger,
    private val purgeDelay: Duration = 30.seconds,
    private val nanoTime: () -> Long = System::nanoTime,
    private val events: DriverEvents? = null,
) : ConnectionSource {
    private val tables = RoutingTables(nanoTime)
    private val failures = RoutingFailures(tables)
    private val homeDatabases = HomeDatabaseCache()
    private val refreshLocks = ConcurrentHashMap<String, Mutex>()
    private val rotation = AtomicInteger()

    /** Whether the last member connected to speaks 5.8+ with server-side routing: the home database may be guessed. */
    @Volatile private var optimisticHomeDatabase = false

    override suspend fun acquire(request: AcquireRequest): ConnectionLease {
        pools.ensureOpen() // before any ROUTE, whose failures would otherwise hide the closed driver
        // A router asked here (also to resolve the home database) is not asked again in this acquire: when every
        // member of its answer fails, the acquire fails, as in the official drivers (one ROUTE, then each member).
        var refreshedHere = request.tableJustFetched
        val database = request.database ?: homeDatabase(request).also { refreshedHere = !it.guessed }.route
        val tried = HashSet<ServerAddress>()
        var lastFailure: Throwable? = null
        var retiredRaces = 0
        while (true) {
            val known = tables[database]
            val table = when {
                known != null && (refreshedHere || !known.isStaleFor(request.mode, nanoTime())) -> known
                else -> refresh(database, request, request.mode).also { refreshedHere = true }
            }
            val members = table.membersFor(request.mode).filter { it !in tried }
            if (members.isEmpty()) {
                if (!refreshedHere) {
                    tables[database]?.let { tables.put(it.expired(nanoTime())) }
                    continue
                }
                throw noMember(request.mode, database, table, lastFailure)
            }
            val address = pools.leastConnected(members, rotation.getAndIncrement())
            tried += address
            try {
                val lease = pools.get(address).acquire(request.copy(database = database)).withPolicy(failures.policy(address, database))
                val connection = lease.connection
                optimisticHomeDatabase = connection.capabilities.version.atLeast(5, 8) && connection.server.ssrEnabled
                return lease
            } catch (e: MemberPoolRetiredException) {
                // A table refresh closed that member's pool while this acquire was on it: pick again from the
                // current table (a member still in it gets a new pool). Bounded, in case refreshes keep racing.
                if (++retiredRaces > MAX_RETIRED_RACES) throw e
                tried -= address
                lastFailure = e
            } catch (e: ServiceUnavailableException) {
                if (e is RoutingUnavailableException) throw e
                logger.info("Cluster member {} unreachable ({}); removing it from the routing tables", address, e.message)
                tables.forgetEverywhere(address)
                lastFailure = e
            }
        }
    }

    override suspend fun homeDatabase(request: AcquireRequest): HomeDatabase {
        pools.ensureOpen()
        request.database?.let { return HomeDatabase(it, it, guessed = false) }
        val key = HomeDatabaseCache.keyOf(request.impersonatedUser, request.auth)
        if (optimisticHomeDatabase) homeDatabases.get(key)?.let { return HomeDatabase(it, null, guessed = true) }
        val table = refresh(null, request, request.mode)
        return HomeDatabase(table.database, table.database.takeIf { table.named }, guessed = false)
    }

    override fun homeDatabaseSeen(request: AcquireRequest, database: String) =
        homeDatabases.put(HomeDatabaseCache.keyOf(request.impersonatedUser, request.auth), database)

    /** A source serving only [member]'s connections, from its pool here (see [PinnedMemberSource]). */
    fun pinnedTo(member: ServerAddress): ConnectionSource = PinnedMemberSource(pools, member)

    /** The current table of [database] (null: the driver user's home database), or null when none is known. */
    fun table(database: String?): RoutingTable? =
        (database ?: homeDatabases.get(HomeDatabaseCache.keyOf(null, null)))?.let { tables[it] }

    /** Fetches [database]'s table now, whatever the current one's state. */
    suspend fun forceRefresh(database: String?, bookmarks: List<String>): RoutingTable =
        refresh(database, AcquireRequest(mode = AccessMode.READ, database = database, bookmarks = { bookmarks }), null)

    /**
     * A fresh table for [database] (null: resolve the home database), fetched unless another caller fetched one
     * meanwhile that serves [mode] (null: always fetch).
     *
     * The ROUTE's bookmarks are asked for before the refresh lock is taken: a bookmark manager's supplier may use
     * the driver itself, and its own session may need this very table, which would wait for ever on a lock its
     * caller holds. (When another caller's refresh completes meanwhile, that ask was in vain; nothing is sent.)
     */
    private suspend fun refresh(database: String?, request: AcquireRequest, mode: AccessMode?): RoutingTable {
        val lock = refreshLocks.computeIfAbsent(database ?: HOME_KEY) { Mutex() }
        freshFor(database, mode)?.let { return it }
        val bookmarks = request.bookmarks()
        return lock.withLock {
            freshFor(database, mode)?.let { return@withLock it }
            val current = database?.let { tables[it] }
            // The table of a home database the router did not name is kept under a key no database can have:
            // it is fetched again by asking for the home database (no name), never by sending that key.
            val asked = database?.takeUnless { it == RoutingTableParser.UNNAMED_HOME }
            val fetched = rediscovery.fetch(asked, current?.routers.orEmpty(), request, bookmarks)
            val table = if (database != null) fetched.copy(database = database) else fetched
            tables.put(table)
            logger.debug("Routing table of {} updated: routers {}, readers {}, writers {}, ttl {} s", table.database, table.routers, table.readers, table.writers, table.ttlSeconds)
            events?.emit("routingTableUpdated") {
                routingTableUpdated(RoutingTableUpdated(table.database, table.routers, table.readers, table.writers, table.ttlSeconds))
            }
            if (database == null) homeDatabases.put(HomeDatabaseCache.keyOf(request.impersonatedUser, request.auth), table.database)
            tables.purgeExpired(purgeDelay.inWholeNanoseconds)
            pools.retainOnly(tables.addresses())
            table
        }
    }

    /** [database]'s current table when it serves [mode] (null mode: never, a fetch is wanted whatever the table). */
    private fun freshFor(database: String?, mode: AccessMode?): RoutingTable? {
        val current = database?.let { tables[it] } ?: return null
        return current.takeIf { mode != null && !it.isStaleFor(mode, nanoTime()) }
    }

    private fun noMember(mode: AccessMode, database: String, table: RoutingTable, cause: Throwable?) = SessionExpiredException(
        "no ${if (mode == AccessMode.READ) "reader" else "writer"} of ${describe(database)} is reachable (routing " +
            "table: routers ${table.routers}, readers ${table.readers}, writers ${table.writers}); the cluster may be " +
            "electing a leader: retry, or use a managed transaction (executeRead/executeWrite), which retries",
        cause,
    )

    private fun describe(database: String) =
        if (database == RoutingTableParser.UNNAMED_HOME) "the home database" else "database '$database'"

    override fun poolMetrics(): List<PoolMetrics> = pools.metrics()

    override suspend fun close() {
        rediscovery.close()
        pools.close()
    }

    private companion object {
        const val HOME_KEY = "\u0000home"
        const val MAX_RETIRED_RACES = 3
    }
}

package org.boltkt.client.driver

import org.boltkt.client.value.QueryParameters
import org.boltkt.client.Driver
import org.boltkt.client.DriverConfig
import org.boltkt.client.QueryConfig
import org.boltkt.client.Result
import org.boltkt.client.RoutingTableInfo
import org.boltkt.client.Session
import org.boltkt.client.SessionConfig
import org.boltkt.client.admin.Admin
import org.boltkt.client.admin.internal.AdminBackend
import org.boltkt.client.admin.internal.AdminImpl
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.bookmark.BookmarkManager
import org.boltkt.client.bookmark.BookmarkManagers
import org.boltkt.client.error.AuthenticationException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.DRIVER_CLOSED
import org.boltkt.client.error.ErrorMapper
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.pool.AcquireRequest
import org.boltkt.client.pool.ConnectionLease
import org.boltkt.client.pool.PoolMetrics
import org.boltkt.client.routing.RoutingConnectionSource
import org.boltkt.client.routing.RoutingTable
import org.boltkt.client.session.DriverContext
import org.boltkt.client.session.SessionImpl
import org.boltkt.client.session.SummaryFactory
import org.boltkt.client.session.cleanup
import org.boltkt.client.summary.ServerInfo
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TransportFactory
import org.boltkt.client.transport.parseAddressText
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.TelemetryApi
import java.util.concurrent.atomic.AtomicBoolean

/** The [Driver] implementation: a [DriverContext] plus lifecycle; built by [DriverFactory]. */
internal class DriverImpl(
    override val config: DriverConfig,
    private val context: DriverContext,
    private val transports: TransportFactory,
    /** The routing source of a `neo4j://` driver (null for `bolt://`): what [routingTable] reads. */
    private val routing: RoutingConnectionSource?,
) : Driver {
    private val closed = AtomicBoolean(false)

    override val executeQueryBookmarkManager: BookmarkManager = BookmarkManagers.default()

    override fun session(config: SessionConfig): Session = open(config)

    private fun open(config: SessionConfig): SessionImpl {
        if (closed.get()) throw IllegalStateException(DRIVER_CLOSED)
        return SessionImpl(context, config)
    }

    override suspend fun verifyConnectivity() {
        withConnection { proveAlive(it) }
    }

    override suspend fun serverInfo(): ServerInfo = withConnection { proveAlive(it); SummaryFactory.serverInfo(it.connection) }

    /**
     * A pooled connection may have died while idle, so handing it out proves nothing: one RESET round trip shows
     * the server still answers (found by testkit: connectivity checks must reach the server). A connection opened
     * for this call needs none.
     */
    private suspend fun proveAlive(lease: ConnectionLease) {
        val connection = lease.connection
        if (!connection.released) return // just opened: its handshake and HELLO were the round trip
        val ready = try {
            connection.resetAndDrain()
        } catch (e: kotlinx.coroutines.CancellationException) {
            throw e
        } catch (e: Exception) {
            throw ErrorMapper.map(e, connection.address)
        }
        if (!ready) throw org.boltkt.client.error.ServiceUnavailableException("${connection.address} did not accept RESET", connection.address.toString())
    }

    override suspend fun supportsMultiDb(): Boolean = withConnection { it.connection.capabilities.version.major >= 4 }

    override suspend fun supportsSessionAuth(): Boolean = withConnection { it.connection.capabilities.logonLogoff }

    /**
     * As the official drivers: a READ connection for the `system` database logged on with [auth] now (a pooled one
     * is re-authenticated even when it carries these credentials); false for the four "these credentials are not
     * good" codes, other failures thrown. [auth] counts as session-level credentials, so it needs Bolt 5.1+.
     */
    override suspend fun verifyAuthentication(auth: AuthToken?): Boolean =
        try {
            withConnection(AcquireRequest(mode = AccessMode.READ, database = "system", auth = auth, forceAuth = true)) { }
            true
        } catch (e: ClientException) {
            if (e.code !in REFUSED_CREDENTIALS && e !is AuthenticationException) throw e
            false
        }

    override suspend fun <T> executeQuery(query: String, parameters: Map<String, Any?>, config: QueryConfig, transformer: suspend (Result) -> T): T =
        executeQuery(config) { tx -> transformer(tx.run(query, parameters)) }

    override suspend fun <T> executeQuery(query: String, parameters: QueryParameters, config: QueryConfig, transformer: suspend (Result) -> T): T =
        executeQuery(config) { tx -> transformer(tx.run(query, parameters)) }

    private suspend fun <T> executeQuery(config: QueryConfig, work: suspend (org.boltkt.client.TransactionContext) -> T): T {
        val session = open(
            SessionConfig.build {
                database = config.database
                defaultAccessMode = config.routing
                impersonatedUser = config.impersonatedUser
                bookmarkManager = if (config.bookmarkManager === QueryConfig.UseDriverDefault) executeQueryBookmarkManager else config.bookmarkManager
                auth = config.auth
            },
        )
        try {
            return session.execute(config.routing, config.transactionConfig, TelemetryApi.EXECUTABLE_QUERY, work)
        } finally {
            cleanup { session.close() }
        }
    }

    override val admin: Admin by lazy { AdminImpl(AdminSessions()) }

    /**
     * Sessions for the operations helpers. A member-pinned session is an ordinary [SessionImpl] whose connections
     * come from that member's own pool ([RoutingConnectionSource.pinnedTo]) instead of the routing table: the
     * smallest way to address one cluster member through the public session API.
     */
    private inner class AdminSessions : AdminBackend {
        override suspend fun agent(): String = serverInfo().agent

        override fun session(member: String?, config: SessionConfig): Session {
            val routing = routing
            if (member == null || routing == null) return open(config)
            if (closed.get()) throw IllegalStateException(DRIVER_CLOSED)
            return SessionImpl(DriverContext(routing.pinnedTo(parseMember(member)), context.config, context.retryPolicy, events = context.events), config)
        }

        override suspend fun members(database: String?): List<String> {
            val routing = routing ?: return listOf(serverInfo().address)
            if (closed.get()) throw IllegalStateException(DRIVER_CLOSED)
            val table = routing.table(database)?.takeUnless { it.isExpired(config.ticker.read()) }
                ?: routing.forceRefresh(database, emptyList())
            return (table.writers + table.readers).distinct().map { it.toString() }
        }

        /** `host:port` as [members] lists it (IPv6 hosts in brackets); a caller's bad name is theirs to fix. */
        private fun parseMember(member: String): ServerAddress =
            parseAddressText(member) ?: throw IllegalArgumentException("a member address is host:port as members() lists it, was '$member'")
    }

    override fun metrics(): List<PoolMetrics> = context.source.poolMetrics()

    override fun routingTable(database: String?): RoutingTableInfo? =
        routing?.table(database)?.let(::info)

    override suspend fun updateRoutingTable(database: String?, bookmarks: Set<Bookmark>): RoutingTableInfo {
        if (closed.get()) throw IllegalStateException(DRIVER_CLOSED)
        val routing = routing
            ?: throw UnsupportedFeatureException("a bolt:// driver has no routing table; use a neo4j:// URI for client-side routing")
        return info(routing.forceRefresh(database, bookmarks.map { it.value }))
    }

    private fun info(t: RoutingTable) =
        RoutingTableInfo(t.database.takeUnless { it == org.boltkt.client.routing.RoutingTableParser.UNNAMED_HOME }, t.routers, t.readers, t.writers, t.ttlSeconds, t.isExpired(config.ticker.read()))

    override suspend fun close() {
        if (!closed.compareAndSet(false, true)) return
        cleanup { context.source.close() }
        transports.close()
    }

    // READ: a routing driver then needs only a reader, so a cluster without a leader still verifies.
    private suspend fun <T> withConnection(
        request: AcquireRequest = AcquireRequest(mode = AccessMode.READ),
        block: suspend (ConnectionLease) -> T,
    ): T {
        if (closed.get()) throw IllegalStateException(DRIVER_CLOSED)
        val lease = context.source.acquire(request)
        try {
            return block(lease)
        } finally {
            lease.release()
        }
    }

    private companion object {
        /** Answers to verifyAuthentication that mean "not authenticated" rather than a failure to report. */
        private val REFUSED_CREDENTIALS = setOf(
            "Neo.ClientError.Security.CredentialsExpired",
            "Neo.ClientError.Security.Forbidden",
            "Neo.ClientError.Security.TokenExpired",
            "Neo.ClientError.Security.Unauthorized",
        )
    }
}

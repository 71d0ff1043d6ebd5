package org.boltkt.client.session

import org.boltkt.client.BoltUri
import org.boltkt.client.Driver
import org.boltkt.client.DriverConfig
import org.boltkt.client.QueryConfig
import org.boltkt.client.Result
import org.boltkt.client.Session
import org.boltkt.client.SessionConfig
import org.boltkt.client.auth.AuthTokenManager
import org.boltkt.client.bookmark.BookmarkManager
import org.boltkt.client.bookmark.BookmarkManagers
import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.connection.ConnectionSettings
import org.boltkt.client.connection.Connector
import org.boltkt.client.error.AuthenticationException
import org.boltkt.client.error.ClientException
import org.boltkt.client.pool.AcquireRequest
import org.boltkt.client.pool.ConnectionSource
import org.boltkt.client.pool.DirectConnectionSource
import org.boltkt.client.RoutingTableInfo
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.routing.MemberPools
import org.boltkt.client.routing.Rediscovery
import org.boltkt.client.routing.RoutingConnectionSource
import org.boltkt.client.routing.RoutingTable
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.pool.PoolMetrics
import org.boltkt.client.pool.PoolSettings
import org.boltkt.client.retry.RetryPolicy
import org.boltkt.client.summary.ServerInfo
import org.boltkt.client.error.ConfigurationException
import org.boltkt.client.transport.TlsSettings
import org.boltkt.client.transport.TlsTransportFactory
import org.boltkt.client.transport.TransportFactory
import org.boltkt.client.transport.TrustStrategy
import org.boltkt.client.transport.TransportOptions
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.NotificationFilter
import org.boltkt.protocol.message.TelemetryApi
import java.util.concurrent.atomic.AtomicBoolean

/** The [Driver] implementation: a [DriverContext] plus lifecycle. */
internal class DriverImpl private constructor(
    override val config: DriverConfig,
    private val context: DriverContext,
    private val transports: TransportFactory,
) : Driver {
    private val closed = AtomicBoolean(false)

    override val executeQueryBookmarkManager: BookmarkManager = BookmarkManagers.default()

    override fun session(config: SessionConfig): Session {
        if (closed.get()) throw IllegalStateException(DRIVER_CLOSED)
        return SessionImpl(context, config)
    }

    override suspend fun verifyConnectivity() {
        withConnection { proveAlive(it) }
    }

    override suspend fun serverInfo(): ServerInfo = withConnection { proveAlive(it); SummaryFactory.serverInfo(it) }

    /**
     * A pooled connection may have died while idle, so handing it out proves nothing: one RESET round trip shows
     * the server still answers (found by testkit: connectivity checks must reach the server). A connection opened
     * for this call needs none.
     */
    private suspend fun proveAlive(connection: BoltConnection) {
        if (!connection.released) return // just opened: its handshake and HELLO were the round trip
        val ready = try {
            connection.resetAndDrain()
        } catch (e: kotlinx.coroutines.CancellationException) {
            throw e
        } catch (e: Exception) {
            throw ErrorTranslator.map(e, connection.address)
        }
        if (!ready) throw org.boltkt.client.error.ServiceUnavailableException("${connection.address} did not accept RESET", connection.address.toString())
    }

    override suspend fun supportsMultiDb(): Boolean = withConnection { it.capabilities.version.major >= 4 }

    override suspend fun supportsSessionAuth(): Boolean = withConnection { it.capabilities.logonLogoff }

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

    override suspend fun <T> executeQuery(query: String, parameters: Map<String, Any?>, config: QueryConfig, transformer: suspend (Result) -> T): T {
        val session = session {
            database = config.database
            defaultAccessMode = config.routing
            impersonatedUser = config.impersonatedUser
            bookmarkManager = if (config.bookmarkManager === QueryConfig.UseDriverDefault) executeQueryBookmarkManager else config.bookmarkManager
            auth = config.auth
        }
        try {
            val work: suspend (org.boltkt.client.TransactionContext) -> T = { tx -> transformer(tx.run(query, parameters)) }
            return (session as SessionImpl).execute(config.routing, config.transactionConfig, TelemetryApi.EXECUTABLE_QUERY, work)
        } finally {
            cleanup { session.close() }
        }
    }

    override fun metrics(): List<PoolMetrics> = context.source.poolMetrics()

    override fun routingTable(database: String?): RoutingTableInfo? =
        (context.source as? RoutingConnectionSource)?.table(database)?.let(::info)

    override suspend fun updateRoutingTable(database: String?, bookmarks: Set<Bookmark>): RoutingTableInfo {
        if (closed.get()) throw IllegalStateException(DRIVER_CLOSED)
        val routing = context.source as? RoutingConnectionSource
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
        block: suspend (BoltConnection) -> T,
    ): T {
        if (closed.get()) throw IllegalStateException(DRIVER_CLOSED)
        val connection = context.source.acquire(request)
        try {
            return block(connection)
        } finally {
            releaseClean(context.source, connection)
        }
    }

    companion object {
        /** Answers to verifyAuthentication that mean "not authenticated" rather than a failure to report. */
        private val REFUSED_CREDENTIALS = setOf(
            "Neo.ClientError.Security.CredentialsExpired",
            "Neo.ClientError.Security.Forbidden",
            "Neo.ClientError.Security.TokenExpired",
            "Neo.ClientError.Security.Unauthorized",
        )

        /** The least time a router gets to answer ROUTE before it counts as failed. */
        private val MIN_ROUTE_TIMEOUT = kotlin.time.Duration.parse("30s")

        /** The plain factory of [DriverConfig.transport], wrapped in TLS when the scheme or the config asks for it. */
        private fun transportFactory(uri: BoltUri, config: DriverConfig): TransportFactory {
            if (uri.trust != null && (config.encrypted || config.trustStrategy != null)) {
                throw ConfigurationException(
                    "the URI scheme already sets TLS encryption and its trust (+s: system CAs, +ssc: any certificate); do not also " +
                        "set encrypted or trustStrategy. For custom CAs use bolt:// or neo4j:// with encrypted = true " +
                        "and trustStrategy = TrustStrategy.CustomCertificates(...)",
                )
            }
            val trust = uri.trust ?: config.trustStrategy ?: TrustStrategy.SystemCertificates.takeIf { config.encrypted }
            if (trust == null && config.clientCertificate != null) {
                throw ConfigurationException(
                    "clientCertificate is only used with TLS: connect with bolt+s:// or neo4j+s://, or set encrypted = true",
                )
            }
            val tls = trust?.let {
                try {
                    TlsSettings(it, config.clientCertificate)
                } catch (e: IllegalArgumentException) {
                    throw ConfigurationException(e.message ?: "invalid TLS trust settings", e)
                }
            }
            val plain = config.transport.newFactory()
            return if (tls == null) plain else TlsTransportFactory(plain, tls)
        }

        fun create(uri: String, authManager: AuthTokenManager, config: DriverConfig): Driver {
            val parsed = BoltUri.parse(uri)
            val transports = transportFactory(parsed, config)
            val settings = ConnectionSettings(
                transport = TransportOptions(connectTimeout = config.connectionTimeout, domainNameResolver = config.domainNameResolver),
                userAgent = config.userAgent,
                proposals = config.handshake.proposals,
                fallbackProposals = config.handshake.fallback,
                // neo4j:// sends the routing context in HELLO (and ROUTE): servers with server-side routing use it.
                routingContext = parsed.routingContext.takeIf { parsed.routing },
                notificationFilter = config.notificationFilter?.let { NotificationFilter(it.minimumSeverity, it.disabledClassifications) },
                nanoTime = config.ticker::read,
            )
            val connector = Connector(transports, settings, config.logger)
            val poolSettings = PoolSettings(config.maxConnectionPoolSize, config.maxConnectionLifetime, config.connectionLivenessCheckTimeout, config.ticker::read)
            fun memberSource(address: ServerAddress, fallbacks: List<ServerAddress>, resolver: (suspend (ServerAddress) -> List<ServerAddress>)?) =
                DirectConnectionSource(
                    address = address,
                    connector = connector,
                    authManager = authManager,
                    poolSettings = poolSettings,
                    acquisitionTimeout = config.connectionAcquisitionTimeout,
                    resolver = resolver,
                    logger = config.logger,
                    fallbacks = fallbacks,
                )
            val source: ConnectionSource = if (parsed.routing) {
                val pools = MemberPools { address -> memberSource(address, emptyList(), null) }
                val rediscovery = Rediscovery(
                    seeds = parsed.addresses,
                    resolver = config.resolver,
                    routingContext = parsed.routingContext,
                    pools = pools,
                    rewrite = config.routingAddressRewriter ?: { it },
                    logger = config.logger,
                    // The acquisition timeout covers getting the router's connection, not its ROUTE answer (as in
                    // the official drivers); a router that never answers still fails, after a longer bound.
                    routeTimeout = maxOf(config.connectionAcquisitionTimeout, MIN_ROUTE_TIMEOUT),
                    nanoTime = config.ticker::read,
                )
                RoutingConnectionSource(pools, rediscovery, config.logger, nanoTime = config.ticker::read)
            } else {
                memberSource(parsed.address, parsed.addresses.drop(1), config.resolver)
            }
            val retry = RetryPolicy(maxRetryTime = config.maxTransactionRetryTime, classifier = config.retryClassifier)
            return DriverImpl(config, DriverContext(source, config, retry), transports)
        }
    }
}

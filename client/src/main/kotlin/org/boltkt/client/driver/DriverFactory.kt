package org.boltkt.client.driver

import org.boltkt.client.BoltUri
import org.boltkt.client.Driver
import org.boltkt.client.DriverConfig
import org.boltkt.client.auth.AuthTokenManager
import org.boltkt.client.connection.ConnectionSettings
import org.boltkt.client.connection.Connector
import org.boltkt.client.connection.IoTimeouts
import org.boltkt.client.error.ConfigurationException
import org.boltkt.client.observe.DriverEvents
import org.boltkt.client.pool.ConnectionSource
import org.boltkt.client.pool.DirectConnectionSource
import org.boltkt.client.pool.PoolSettings
import org.boltkt.client.retry.RetryPolicy
import org.boltkt.client.routing.MemberPools
import org.boltkt.client.routing.Rediscovery
import org.boltkt.client.routing.RoutingConnectionSource
import org.boltkt.client.session.DriverContext
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TlsSettings
import org.boltkt.client.transport.TlsTransportFactory
import org.boltkt.client.transport.TransportFactory
import org.boltkt.client.transport.TransportOptions
import org.boltkt.client.transport.TrustStrategy

/** Builds a [DriverImpl] from a URI and settings: transports, connector, pools, routing, retry policy. */
internal object DriverFactory {
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
            notificationFilter = config.notificationFilter?.toProtocol(),
            nanoTime = config.ticker::read,
            ioTimeouts = IoTimeouts(read = config.connectionReadTimeout, write = config.connectionWriteTimeout),
            messageLogging = config.boltMessageLogging,
        )
        val events = DriverEvents.of(config.listener, config.logger)
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
                events = events,
            )
        val routing = if (parsed.routing) {
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
            RoutingConnectionSource(pools, rediscovery, config.logger, nanoTime = config.ticker::read, events = events)
        } else {
            null
        }
        val source: ConnectionSource = routing ?: memberSource(parsed.address, parsed.addresses.drop(1), config.resolver)
        val retry = RetryPolicy(maxRetryTime = config.maxTransactionRetryTime, classifier = config.retryClassifier)
        return DriverImpl(config, DriverContext(source, config, retry, events = events), transports, routing)
    }
}

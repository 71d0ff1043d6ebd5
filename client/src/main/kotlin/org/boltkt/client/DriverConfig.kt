package org.boltkt.client

import org.boltkt.client.connection.DriverVersion
import org.boltkt.client.observe.DriverListener
import org.boltkt.client.retry.RetryClassifier
import org.boltkt.client.transport.ClientCertificateProvider
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.transport.TrustStrategy
import org.slf4j.Logger
import org.slf4j.LoggerFactory
import java.net.InetAddress
import kotlin.time.Duration
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/**
 * Driver-wide settings, built with the [DriverConfigBuilder] DSL:
 * ```
 * val driver = BoltDriver("bolt://localhost:7687", AuthTokens.basic("neo4j", "secret")) {
 *     maxConnectionPoolSize = 50
 *     connectionAcquisitionTimeout = 10.seconds
 * }
 * ```
 * Immutable and thread-safe. Invalid values fail when the driver is created, with the setting named.
 *
 * @property maxConnectionPoolSize connections per server address (idle + in use).
 * @property connectionAcquisitionTimeout how long getting a connection (waiting for a free one, connecting and
 *   authenticating) may take before [org.boltkt.client.error.ConnectionAcquisitionTimeoutException]. For
 *   `neo4j://` it bounds getting a router's connection too, but not the router's ROUTE answer (that gets this
 *   timeout or 30 s, whichever is longer).
 * @property connectionTimeout TCP connect timeout per resolved address.
 * @property connectionReadTimeout the longest silence the driver accepts while it waits for an answer it asked for
 *   (the first answer of a query included), before it counts the connection as dead, closes it and fails the
 *   waiting operation with a [org.boltkt.client.error.ConnectionReadTimeoutException] (retryable; for a COMMIT an
 *   [org.boltkt.client.error.IncompleteCommitException]). Any bytes, keep-alive NOOPs included, end a silence.
 *   A server that hints `connection.recv_timeout_seconds` in HELLO (Neo4j 4.1+: 120 s by default, and it sends NOOPs
 *   while it works) gets the shorter of its hint and this setting; a server that hints nothing (Memgraph, older
 *   Neo4j) gets this setting alone. Default 15 minutes: longer than Memgraph's default query execution timeout
 *   (600 s), so a query the server would still run is not cut; set it to the longest silent query you run, or
 *   [Duration.INFINITE] to wait for ever on servers without a hint. Idle pooled connections are never read, so
 *   this never closes them (see [maxConnectionLifetime] and [connectionLivenessCheckTimeout]).
 * @property connectionWriteTimeout how long a write may wait for the server to take the next bytes (at most 64 KiB)
 *   before the driver counts the connection as dead (a server that stopped reading fills the socket buffer), closes
 *   it and fails the operation with a retryable [org.boltkt.client.error.ServiceUnavailableException] (an
 *   [org.boltkt.client.error.IncompleteCommitException] for a COMMIT). A large request is cut only when it stops
 *   progressing, not for its total time. Default 2 minutes; [Duration.INFINITE] never bounds writes.
 * @property maxConnectionLifetime connections older than this are closed instead of reused.
 * @property connectionLivenessCheckTimeout idle connections older than this get a RESET round trip before reuse;
 *   [Duration.INFINITE] (default) never checks.
 * @property userAgent sent in HELLO; defaults to `boltkt/<version>`, the version of this jar (e.g. `boltkt/0.1.0`).
 * @property fetchSize records per PULL (a result's first PULL; later ones grow, see [fetchSizeGrowth]); -1 pulls
 *   everything at once (no backpressure).
 * @property fetchAhead true (default): while a result is read record by record, the next PULL is sent
 *   as soon as the current batch's end (its SUCCESS with `has_more`) has arrived, before the caller has taken that
 *   batch's last records, so the server produces the next batch while the caller still reads; the official Java
 *   driver pulls the same way. At most one PULL is ever ahead: records asked for and not yet taken are at most the
 *   rest of the current batch plus one batch (each batch at most `fetchSize × fetchSizeGrowth`), and of them only the
 *   records of the last socket read (at most 64 KiB of messages) are in the driver's memory, the rest wait in TCP
 *   buffers or on the server (a later query of the same transaction that needs the connection first reads them into
 *   memory). A reader that stops early lets the server have produced (and the driver drains) up to one batch more
 *   than it read. Set it false for strict batch-at-a-time backpressure (every PULL then asks for exactly
 *   [fetchSize]), e.g. when each row costs the server real work (a write per row) that must not run before the caller
 *   asks for it, or with very slow consumers on a busy server.
 * @property fetchSizeGrowth with [fetchAhead], the first PULL of a result asks for [fetchSize] records and each later
 *   one for twice the one before, up to `fetchSize × fetchSizeGrowth` (default 8: 1000, 2000, 4000, 8000, 8000, …).
 *   A reader that keeps reading pays a round trip and the server's per-PULL work once per batch. Measured on a real
 *   Neo4j 5.26 (docs/PERFORMANCE.md): with the two cores shared with other work, iterating a large result ran about
 *   1.3× as fast with batches of 8,000 as with 1,000; on the quiet machine the gain was smaller and not seen in
 *   every run.
 *   Results that fit in the first batch are unaffected. 1 makes every PULL ask for [fetchSize], as the official
 *   drivers do.
 * @property maxTransactionRetryTime total time managed transactions (`executeRead`/`executeWrite`) keep retrying.
 * @property notificationFilter which notifications the server sends (Bolt 5.2+); null keeps the server default.
 * @property resolver maps an initial (seed) address of the URI to the addresses to try, in order (custom DNS,
 *   seed lists); each result is then resolved by DNS. It applies to the URI's hosts only, as in the official
 *   drivers, not to the members a routing table names: use [routingAddressRewriter] for those.
 * @property domainNameResolver replaces DNS: maps a host name to the IP addresses to try, in order, each with
 *   [connectionTimeout], exactly like DNS results. Called on every new connection's host (the URI's hosts after
 *   [resolver], and every routing-table member, after [routingAddressRewriter]), IP literals included (IPv6
 *   without brackets), as in the official Java driver. It may suspend and must be thread-safe; cancelling the
 *   connect cancels it. An exception it throws, or an empty list, fails that connect attempt like an unknown
 *   host (a [org.boltkt.client.error.ServiceUnavailableException] naming the host; routing tries the next
 *   router). TLS still verifies the original host name. Null (default) uses the system's DNS.
 * @property routingAddressRewriter maps every address a router advertises (ROUTE answers of `neo4j://` drivers)
 *   before it is used, e.g. when cluster members advertise names only reachable inside Kubernetes or behind a
 *   NAT. Must be fast, pure and thread-safe; the rewritten host is what TLS verifies. Null keeps them as is.
 * @property logger where the driver logs (SLF4J); defaults to the `org.boltkt.client` logger.
 * @property transport the socket implementation: [TransportKind.NIO] (JDK asynchronous channels) or KTOR.
 * @property encrypted use TLS with a `bolt://` or `neo4j://` URI (the `+s`/`+ssc` schemes imply it instead).
 * @property trustStrategy which certificates TLS accepts when [encrypted]; null means
 *   [TrustStrategy.SystemCertificates]. Setting it requires [encrypted] = true, and neither may be combined with
 *   a `+s`/`+ssc` URI (the driver then fails with a [org.boltkt.client.error.ConfigurationException]).
 * @property clientCertificate the client certificate for mutual TLS, asked for on every new connection: a
 *   [org.boltkt.client.transport.ClientCertificate] (fixed) or a
 *   [org.boltkt.client.transport.RotatingClientCertificateProvider]; null (default) sends none. Needs TLS (a
 *   `+s`/`+ssc` URI or [encrypted] = true), else the driver fails with a ConfigurationException.
 * @property retryClassifier decides which failures managed transactions retry; the default retries Neo4j's and
 *   Memgraph's transient errors and connectivity failures, never an incomplete commit.
 * @property telemetryDisabled true stops the driver from telling servers which API a unit of work came through
 *   (Bolt 5.4+ TELEMETRY: managed transaction, explicit transaction, auto-commit run or `executeQuery`). By
 *   default (false) it is sent only to servers that ask for it in HELLO (the `telemetry.enabled` hint).
 * @property handshake which Bolt versions a new connection proposes: [HandshakeMode.AUTO] (default: Bolt 6.0
 *   through the manifest, down to 3.0, with a second connect for Neo4j 4.1/4.2) or [HandshakeMode.LEGACY]
 *   (the pre-manifest proposal, never Bolt 6.0).
 * @property ticker the clock for connection age, idle time and routing-table TTLs; [Ticker.SYSTEM] (default).
 *   Replace it only in tests (see [Ticker]).
 * @property listener receives pool, connection, query, retry, routing and re-authentication events (see
 *   [DriverListener] for the threading contract); null (default) costs nothing. `boltkt-micrometer` provides one
 *   for Micrometer metrics and observations; [DriverListener.composite] combines several.
 * @property boltMessageLogging true logs every Bolt message sent and received at TRACE on [logger] (`C: RUN ...`,
 *   `S: SUCCESS ...`), credentials redacted (HELLO/LOGON show only the auth scheme, principal and realm; never
 *   credentials or a custom scheme's parameters). Needs the logger's TRACE level too; false (default) logs none.
 * @property leakedSessionDetection true watches every session: one that becomes unreachable without `close()` while
 *   it holds a connection logs a WARN with the stack trace of where it was opened, and its connection is closed and
 *   its place in the pool freed (the connection's state is unknown, so it is never reused). Costs a stack trace and
 *   a `java.lang.ref.Cleaner` registration per session; false (default) leaves a leaked session's connection in use
 *   for good, as a leaked JDBC connection would be. The report and the release come when the garbage collector
 *   finds the session unreachable (not at a fixed time), on the JVM's cleaner thread. **Not yet proven:** its
 *   tests (`LeakedSessionTest`) are enabled but not yet seen passing (docs/RELIABILITY.md).
 */
public class DriverConfig private constructor(builder: DriverConfigBuilder) {
    public val maxConnectionPoolSize: Int = builder.maxConnectionPoolSize
    public val connectionAcquisitionTimeout: Duration = builder.connectionAcquisitionTimeout
    public val connectionTimeout: Duration = builder.connectionTimeout
    public val connectionReadTimeout: Duration = builder.connectionReadTimeout
    public val connectionWriteTimeout: Duration = builder.connectionWriteTimeout
    public val maxConnectionLifetime: Duration = builder.maxConnectionLifetime
    public val connectionLivenessCheckTimeout: Duration = builder.connectionLivenessCheckTimeout
    public val userAgent: String = builder.userAgent
    public val fetchSize: Long = builder.fetchSize
    public val fetchAhead: Boolean = builder.fetchAhead
    public val fetchSizeGrowth: Int = builder.fetchSizeGrowth
    public val maxTransactionRetryTime: Duration = builder.maxTransactionRetryTime
    public val notificationFilter: NotificationFilterConfig? = builder.notificationFilter
    public val resolver: (suspend (ServerAddress) -> List<ServerAddress>)? = builder.resolver
    public val domainNameResolver: (suspend (String) -> List<InetAddress>)? = builder.domainNameResolver
    public val routingAddressRewriter: ((ServerAddress) -> ServerAddress)? = builder.routingAddressRewriter
    public val logger: Logger = builder.logger
    public val transport: TransportKind = builder.transport
    public val retryClassifier: RetryClassifier = builder.retryClassifier
    public val encrypted: Boolean = builder.encrypted
    public val trustStrategy: TrustStrategy? = builder.trustStrategy
    public val clientCertificate: ClientCertificateProvider? = builder.clientCertificate
    public val telemetryDisabled: Boolean = builder.telemetryDisabled
    public val handshake: HandshakeMode = builder.handshake
    public val ticker: Ticker = builder.ticker
    public val listener: DriverListener? = builder.listener
    public val boltMessageLogging: Boolean = builder.boltMessageLogging
    public val leakedSessionDetection: Boolean = builder.leakedSessionDetection

    init {
        requireSetting(maxConnectionPoolSize > 0, "maxConnectionPoolSize must be positive, was $maxConnectionPoolSize")
        requireSetting(connectionAcquisitionTimeout.isPositive(), "connectionAcquisitionTimeout must be positive")
        requireSetting(connectionTimeout.isPositive(), "connectionTimeout must be positive")
        requireSetting(
            connectionReadTimeout.isPositive(),
            "connectionReadTimeout must be positive (Duration.INFINITE waits for ever on servers without a receive-timeout hint), was $connectionReadTimeout",
        )
        requireSetting(
            connectionWriteTimeout.isPositive(),
            "connectionWriteTimeout must be positive (Duration.INFINITE never bounds writes), was $connectionWriteTimeout",
        )
        requireSetting(maxConnectionLifetime.isPositive(), "maxConnectionLifetime must be positive")
        requireSetting(!connectionLivenessCheckTimeout.isNegative(), "connectionLivenessCheckTimeout must not be negative")
        requireSetting(fetchSize == -1L || fetchSize > 0, "fetchSize must be positive or -1 (all), was $fetchSize")
        requireSetting(fetchSizeGrowth >= 1, "fetchSizeGrowth must be at least 1 (1: every PULL asks for fetchSize), was $fetchSizeGrowth")
        requireSetting(!maxTransactionRetryTime.isNegative(), "maxTransactionRetryTime must not be negative")
        requireSetting(userAgent.isNotBlank(), "userAgent must not be blank")
        requireSetting(
            trustStrategy == null || encrypted,
            "trustStrategy is only used with TLS encryption: set encrypted = true as well, with a bolt:// or neo4j:// URI " +
                "(a +s/+ssc scheme sets encryption and trust itself)",
        )
    }

    public companion object {
        /** All defaults. */
        public val DEFAULT: DriverConfig = build { }

        /** Builds a config from the DSL. @throws org.boltkt.client.error.ConfigurationException for invalid values. */
        public fun build(block: DriverConfigBuilder.() -> Unit): DriverConfig = DriverConfig(DriverConfigBuilder().apply(block))
    }
}

/** The mutable DSL behind [DriverConfig]; see there for each setting's meaning. Not thread-safe. */
public class DriverConfigBuilder internal constructor() {
    public var maxConnectionPoolSize: Int = 100
    public var connectionAcquisitionTimeout: Duration = 60.seconds
    public var connectionTimeout: Duration = 30.seconds
    public var connectionReadTimeout: Duration = 15.minutes
    public var connectionWriteTimeout: Duration = 2.minutes
    public var maxConnectionLifetime: Duration = 1.hours
    public var connectionLivenessCheckTimeout: Duration = Duration.INFINITE
    public var userAgent: String = DriverVersion.USER_AGENT
    public var fetchSize: Long = 1000
    public var fetchAhead: Boolean = true
    public var fetchSizeGrowth: Int = 8
    public var maxTransactionRetryTime: Duration = 30.seconds
    public var notificationFilter: NotificationFilterConfig? = null
    public var resolver: (suspend (ServerAddress) -> List<ServerAddress>)? = null
    public var domainNameResolver: (suspend (String) -> List<InetAddress>)? = null
    public var routingAddressRewriter: ((ServerAddress) -> ServerAddress)? = null
    public var logger: Logger = LoggerFactory.getLogger("org.boltkt.client")
    public var transport: TransportKind = TransportKind.NIO
    public var retryClassifier: RetryClassifier = RetryClassifier.DEFAULT
    public var encrypted: Boolean = false
    public var trustStrategy: TrustStrategy? = null
    public var clientCertificate: ClientCertificateProvider? = null
    public var telemetryDisabled: Boolean = false
    public var handshake: HandshakeMode = HandshakeMode.AUTO
    public var ticker: Ticker = Ticker.SYSTEM
    public var listener: DriverListener? = null
    public var boltMessageLogging: Boolean = false
    public var leakedSessionDetection: Boolean = false

    /** Shorthand for a liveness check after [idle] of idling, e.g. `livenessCheckAfter(5.minutes)`. */
    public fun livenessCheckAfter(idle: Duration) {
        connectionLivenessCheckTimeout = idle
    }
}

private fun requireSetting(condition: Boolean, message: String) {
    if (!condition) throw org.boltkt.client.error.ConfigurationException(message)
}

package org.boltkt.javainterop

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runInterruptible
import org.boltkt.client.DriverConfig
import org.boltkt.client.HandshakeMode
import org.boltkt.client.Ticker
import org.boltkt.client.NotificationFilterConfig
import org.boltkt.client.QueryConfig
import org.boltkt.client.SessionConfig
import org.boltkt.client.TransactionConfig
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.observe.DriverListener
import org.boltkt.client.transport.ClientCertificateProvider
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.transport.TrustStrategy
import org.boltkt.client.retry.RetryClassifier
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.slf4j.Logger
import java.time.Duration
import java.util.concurrent.CompletionStage
import java.util.concurrent.Executor
import java.util.function.Function
import java.util.function.UnaryOperator

/**
 * Driver-wide settings for Java, built with [builder]: `JavaDriverConfig.builder().withMaxConnectionPoolSize(50)
 * .withConnectionAcquisitionTimeout(Duration.ofSeconds(10)).build()`. Each setting means what the same-named
 * property of [DriverConfig] means; unset ones keep its defaults. Immutable and thread-safe.
 *
 * An infinite Kotlin duration (e.g. the default liveness check timeout) reads as the largest `java.time.Duration`.
 */
public class JavaDriverConfig private constructor(
    /** The Kotlin settings these map to. */
    public val kotlinConfig: DriverConfig,
    private val javaResolver: Function<ServerAddress, out CompletionStage<List<ServerAddress>>>?,
    private val javaRewriter: UnaryOperator<ServerAddress>?,
    private val javaDomainNameResolver: JavaDomainNameResolver?,
    /** Where futures complete and callbacks run; null means `kotlinx.coroutines.Dispatchers.Default`. */
    public val executor: Executor?,
) {
    /** See [DriverConfig.maxConnectionPoolSize]. */
    public val maxConnectionPoolSize: Int get() = kotlinConfig.maxConnectionPoolSize
    /** See [DriverConfig.connectionReadTimeout]. */
    public val connectionReadTimeout: Duration get() = kotlinConfig.connectionReadTimeout.toJava()

    /** See [DriverConfig.connectionWriteTimeout]. */
    public val connectionWriteTimeout: Duration get() = kotlinConfig.connectionWriteTimeout.toJava()

    /** See [DriverConfig.connectionAcquisitionTimeout]. */
    public val connectionAcquisitionTimeout: Duration get() = kotlinConfig.connectionAcquisitionTimeout.toJava()
    /** See [DriverConfig.connectionTimeout]. */
    public val connectionTimeout: Duration get() = kotlinConfig.connectionTimeout.toJava()
    /** See [DriverConfig.maxConnectionLifetime]. */
    public val maxConnectionLifetime: Duration get() = kotlinConfig.maxConnectionLifetime.toJava()
    /** See [DriverConfig.connectionLivenessCheckTimeout]. */
    public val connectionLivenessCheckTimeout: Duration get() = kotlinConfig.connectionLivenessCheckTimeout.toJava()
    /** See [DriverConfig.userAgent]. */
    public val userAgent: String get() = kotlinConfig.userAgent
    /** See [DriverConfig.fetchSize]. */
    public val fetchSize: Long get() = kotlinConfig.fetchSize
    /** See [DriverConfig.fetchAhead]. */
    public val fetchAhead: Boolean get() = kotlinConfig.fetchAhead
    /** See [DriverConfig.fetchSizeGrowth]. */
    public val fetchSizeGrowth: Int get() = kotlinConfig.fetchSizeGrowth
    /** See [DriverConfig.maxTransactionRetryTime]. */
    public val maxTransactionRetryTime: Duration get() = kotlinConfig.maxTransactionRetryTime.toJava()
    /** See [DriverConfig.notificationFilter]. */
    public val notificationFilter: NotificationFilterConfig? get() = kotlinConfig.notificationFilter
    /** See [DriverConfig.resolver]; the function given to [Builder.withResolver], or null. */
    public val resolver: Function<ServerAddress, out CompletionStage<List<ServerAddress>>>? get() = javaResolver
    /** See [DriverConfig.domainNameResolver]; the resolver given to [Builder.withDomainNameResolver], or null. */
    public val domainNameResolver: JavaDomainNameResolver? get() = javaDomainNameResolver
    /** See [DriverConfig.routingAddressRewriter]; the operator given to [Builder.withRoutingAddressRewriter], or null. */
    public val routingAddressRewriter: UnaryOperator<ServerAddress>? get() = javaRewriter
    /** See [DriverConfig.logger]. */
    public val logger: Logger get() = kotlinConfig.logger
    /** See [DriverConfig.transport]. */
    public val transport: TransportKind get() = kotlinConfig.transport

    /** See [DriverConfig.retryClassifier]. */
    public val retryClassifier: RetryClassifier get() = kotlinConfig.retryClassifier

    /** See [DriverConfig.encrypted]. */
    public val encrypted: Boolean get() = kotlinConfig.encrypted

    /** See [DriverConfig.trustStrategy]. */
    public val trustStrategy: TrustStrategy? get() = kotlinConfig.trustStrategy

    /** See [DriverConfig.clientCertificate]. */
    public val clientCertificate: ClientCertificateProvider? get() = kotlinConfig.clientCertificate

    /** See [DriverConfig.telemetryDisabled]. */
    public val telemetryDisabled: Boolean get() = kotlinConfig.telemetryDisabled

    /** See [DriverConfig.handshake]. */
    public val handshake: HandshakeMode get() = kotlinConfig.handshake

    /** See [DriverConfig.ticker]. */
    public val ticker: Ticker get() = kotlinConfig.ticker

    /** See [DriverConfig.listener]. */
    public val listener: DriverListener? get() = kotlinConfig.listener

    /** See [DriverConfig.boltMessageLogging]. */
    public val boltMessageLogging: Boolean get() = kotlinConfig.boltMessageLogging

    /** See [DriverConfig.leakedSessionDetection]. */
    public val leakedSessionDetection: Boolean get() = kotlinConfig.leakedSessionDetection

    /** A builder starting from this config's values. */
    public fun toBuilder(): Builder = Builder(this)

    /** Mutable builder; not thread-safe. Each `with` method returns this builder. */
    public class Builder internal constructor(from: JavaDriverConfig?) {
        private var maxConnectionPoolSize: Int? = from?.maxConnectionPoolSize
        private var connectionAcquisitionTimeout: kotlin.time.Duration? = from?.kotlinConfig?.connectionAcquisitionTimeout
        private var connectionTimeout: kotlin.time.Duration? = from?.kotlinConfig?.connectionTimeout
        private var connectionReadTimeout: kotlin.time.Duration? = from?.kotlinConfig?.connectionReadTimeout
        private var connectionWriteTimeout: kotlin.time.Duration? = from?.kotlinConfig?.connectionWriteTimeout
        private var maxConnectionLifetime: kotlin.time.Duration? = from?.kotlinConfig?.maxConnectionLifetime
        private var connectionLivenessCheckTimeout: kotlin.time.Duration? = from?.kotlinConfig?.connectionLivenessCheckTimeout
        private var userAgent: String? = from?.userAgent
        private var fetchSize: Long? = from?.fetchSize
        private var fetchAhead: Boolean? = from?.fetchAhead
        private var fetchSizeGrowth: Int? = from?.fetchSizeGrowth
        private var maxTransactionRetryTime: kotlin.time.Duration? = from?.kotlinConfig?.maxTransactionRetryTime
        private var notificationFilter: NotificationFilterConfig? = from?.notificationFilter
        private var resolver: Function<ServerAddress, out CompletionStage<List<ServerAddress>>>? = from?.javaResolver
        private var routingAddressRewriter: UnaryOperator<ServerAddress>? = from?.javaRewriter
        private var domainNameResolver: JavaDomainNameResolver? = from?.javaDomainNameResolver
        private var logger: Logger? = from?.logger
        private var transport: TransportKind? = from?.transport
        private var retryClassifier: RetryClassifier? = from?.retryClassifier
        private var executor: Executor? = from?.executor
        private var encrypted: Boolean? = from?.encrypted
        private var trustStrategy: TrustStrategy? = from?.trustStrategy
        private var clientCertificate: ClientCertificateProvider? = from?.clientCertificate
        private var telemetryDisabled: Boolean? = from?.telemetryDisabled
        private var handshake: HandshakeMode? = from?.handshake
        private var ticker: Ticker? = from?.ticker
        private var listener: DriverListener? = from?.listener
        private var boltMessageLogging: Boolean? = from?.boltMessageLogging
        private var leakedSessionDetection: Boolean? = from?.leakedSessionDetection

        /** Connections per server address (idle + in use). */
        public fun withMaxConnectionPoolSize(value: Int): Builder = apply { maxConnectionPoolSize = value }
        /** How long getting a connection may take. */
        public fun withConnectionAcquisitionTimeout(value: Duration): Builder = apply { connectionAcquisitionTimeout = value.toKotlinOrInfinite() }
        /** TCP connect timeout per resolved address. */
        public fun withConnectionTimeout(value: Duration): Builder = apply { connectionTimeout = value.toKotlinOrInfinite() }
        /**
         * Longest silence while an answer is awaited (default 15 minutes; the server's receive-timeout hint applies
         * when shorter); see [DriverConfig.connectionReadTimeout]. `Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)`
         * (what an infinite setting reads as) means no bound on servers without a hint.
         */
        public fun withConnectionReadTimeout(value: Duration): Builder = apply { connectionReadTimeout = value.toKotlinOrInfinite() }
        /**
         * How long a write may wait for the server to take the next bytes (default 2 minutes); see
         * [DriverConfig.connectionWriteTimeout].
         */
        public fun withConnectionWriteTimeout(value: Duration): Builder = apply { connectionWriteTimeout = value.toKotlinOrInfinite() }
        /** Connections older than this are closed instead of reused. */
        public fun withMaxConnectionLifetime(value: Duration): Builder = apply { maxConnectionLifetime = value.toKotlinOrInfinite() }
        /** Idle connections older than this get a RESET round trip before reuse. */
        public fun withConnectionLivenessCheckTimeout(value: Duration): Builder = apply { connectionLivenessCheckTimeout = value.toKotlinOrInfinite() }
        /** Sent in HELLO. */
        public fun withUserAgent(value: String): Builder = apply { userAgent = value }
        /** Records per PULL (a result's first; see [withFetchSizeGrowth] for later ones); -1 pulls everything at once. */
        public fun withFetchSize(value: Long): Builder = apply { fetchSize = value }
        /**
         * See [DriverConfig.fetchAhead]: true (default) sends the next PULL as soon as a batch's end arrived, while
         * the caller still reads that batch (at most one batch ahead); false pulls strictly one batch at a time.
         */
        public fun withFetchAhead(value: Boolean): Builder = apply { fetchAhead = value }
        /**
         * See [DriverConfig.fetchSizeGrowth]: with fetch-ahead, each PULL after a result's first asks for twice the
         * one before, up to `fetchSize × value` (default 8); 1 makes every PULL ask for the fetch size.
         */
        public fun withFetchSizeGrowth(value: Int): Builder = apply { fetchSizeGrowth = value }
        /** Total time managed transactions keep retrying. */
        public fun withMaxTransactionRetryTime(value: Duration): Builder = apply { maxTransactionRetryTime = value.toKotlinOrInfinite() }
        /**
         * Which notifications the server sends (typed: e.g. `new NotificationFilterConfig(NotificationMinimumSeverity.WARNING)`
         * or `NotificationFilterConfig.DISABLE_ALL`); null keeps the server default.
         */
        public fun withNotificationFilter(value: NotificationFilterConfig?): Builder = apply { notificationFilter = value }
        /** Maps an initial address to the addresses to try, in order; the stage may complete on any thread. */
        public fun withResolver(value: Function<ServerAddress, out CompletionStage<List<ServerAddress>>>?): Builder = apply { resolver = value }
        /**
         * Maps every address a router advertises before use (members only reachable under another name, e.g.
         * inside Kubernetes); see [DriverConfig.routingAddressRewriter]. Must be fast, pure and thread-safe.
         */
        public fun withRoutingAddressRewriter(value: UnaryOperator<ServerAddress>?): Builder = apply { routingAddressRewriter = value }
        /**
         * Replaces DNS for every host the driver connects to (the URI's hosts after [withResolver], and routing-table
         * members); null (default) uses the system's DNS. See [DriverConfig.domainNameResolver] and
         * [JavaDomainNameResolver] for the contract.
         */
        public fun withDomainNameResolver(value: JavaDomainNameResolver?): Builder = apply { domainNameResolver = value }
        /** Where the driver logs. */
        public fun withLogger(value: Logger): Builder = apply { logger = value }
        /** The socket implementation. */
        public fun withTransport(value: TransportKind): Builder = apply { transport = value }

        /** See [DriverConfig.retryClassifier]; a lambda `error -> boolean` works from Java. */
        public fun withRetryClassifier(value: RetryClassifier): Builder = apply { retryClassifier = value }

        /** See [DriverConfig.encrypted]: TLS for a `bolt://` or `neo4j://` URI. */
        public fun withEncrypted(value: Boolean): Builder = apply { encrypted = value }

        /** See [DriverConfig.trustStrategy]: which certificates TLS accepts (needs [withEncrypted] true). */
        public fun withTrustStrategy(value: TrustStrategy?): Builder = apply { trustStrategy = value }

        /**
         * See [DriverConfig.clientCertificate]: the client certificate for mutual TLS, e.g.
         * `ClientCertificate.fromPem(chain, key)` or a `RotatingClientCertificateProvider`; needs TLS.
         */
        public fun withClientCertificate(value: ClientCertificateProvider?): Builder = apply { clientCertificate = value }

        /** See [DriverConfig.telemetryDisabled]: true never sends API usage telemetry (Bolt 5.4+ TELEMETRY). */
        public fun withTelemetryDisabled(value: Boolean): Builder = apply { telemetryDisabled = value }

        /** See [DriverConfig.handshake]: which Bolt versions new connections propose (AUTO or LEGACY). */
        public fun withHandshake(value: HandshakeMode): Builder = apply { handshake = value }

        /** See [DriverConfig.ticker]: the clock for connection age, idle time and routing-table TTLs (tests only). */
        public fun withTicker(value: Ticker): Builder = apply { ticker = value }

        /**
         * See [DriverConfig.listener]: receives pool, connection, query, retry, routing and re-authentication events
         * (implement only the methods you need; they are called on driver threads and must not block). Null
         * (default) costs nothing. `boltkt-micrometer`'s `MicrometerDriverListener` feeds Micrometer.
         */
        public fun withListener(value: DriverListener?): Builder = apply { listener = value }

        /** See [DriverConfig.boltMessageLogging]: TRACE log of every Bolt message, credentials redacted. */
        public fun withBoltMessageLogging(value: Boolean): Builder = apply { boltMessageLogging = value }

        /** See [DriverConfig.leakedSessionDetection]: WARN and take back the connection of a session never closed. */
        public fun withLeakedSessionDetection(value: Boolean): Builder = apply { leakedSessionDetection = value }
        /**
         * Where the facade's coroutines run, hence where returned futures complete and non-async callbacks
         * (`thenApply`, …) execute; null (default) uses `Dispatchers.Default`. Never block in such callbacks.
         */
        public fun withExecutor(value: Executor?): Builder = apply { executor = value }

        /** The immutable config. @throws org.boltkt.client.error.ConfigurationException for an invalid value. */
        public fun build(): JavaDriverConfig {
            val r = resolver
            val dns = domainNameResolver
            val kotlin = DriverConfig.build {
                this@Builder.maxConnectionPoolSize?.let { maxConnectionPoolSize = it }
                this@Builder.connectionAcquisitionTimeout?.let { connectionAcquisitionTimeout = it }
                this@Builder.connectionTimeout?.let { connectionTimeout = it }
                this@Builder.connectionReadTimeout?.let { connectionReadTimeout = it }
                this@Builder.connectionWriteTimeout?.let { connectionWriteTimeout = it }
                this@Builder.maxConnectionLifetime?.let { maxConnectionLifetime = it }
                this@Builder.connectionLivenessCheckTimeout?.let { connectionLivenessCheckTimeout = it }
                this@Builder.userAgent?.let { userAgent = it }
                this@Builder.fetchSize?.let { fetchSize = it }
                this@Builder.fetchAhead?.let { fetchAhead = it }
                this@Builder.fetchSizeGrowth?.let { fetchSizeGrowth = it }
                this@Builder.maxTransactionRetryTime?.let { maxTransactionRetryTime = it }
                notificationFilter = this@Builder.notificationFilter
                if (r != null) resolver = { address -> r.apply(address).await() }
                if (dns != null) domainNameResolver = { name -> runInterruptible(Dispatchers.IO) { dns.resolve(name) } }
                this@Builder.routingAddressRewriter?.let { rw -> routingAddressRewriter = { address -> rw.apply(address) } }
                this@Builder.logger?.let { logger = it }
                this@Builder.transport?.let { transport = it }
                this@Builder.retryClassifier?.let { retryClassifier = it }
                this@Builder.encrypted?.let { encrypted = it }
                trustStrategy = this@Builder.trustStrategy
                clientCertificate = this@Builder.clientCertificate
                this@Builder.telemetryDisabled?.let { telemetryDisabled = it }
                this@Builder.handshake?.let { handshake = it }
                this@Builder.ticker?.let { ticker = it }
                listener = this@Builder.listener
                this@Builder.boltMessageLogging?.let { boltMessageLogging = it }
                this@Builder.leakedSessionDetection?.let { leakedSessionDetection = it }
            }
            return JavaDriverConfig(kotlin, r, routingAddressRewriter, dns, executor)
        }
    }

    /** Static factories (`@JvmStatic`, callable from Java without `Companion`). */
    public companion object {
        /** All defaults. */
        @JvmStatic
        public fun defaults(): JavaDriverConfig = Builder(null).build()

        /** A builder with all defaults. */
        @JvmStatic
        public fun builder(): Builder = Builder(null)
    }
}

/**
 * Per-session settings for Java, each meaning what the same-named property of [SessionConfig] means:
 * `JavaSessionConfig.builder().withDatabase("movies").withDefaultAccessMode(AccessMode.READ).build()`.
 * Immutable.
 */
public class JavaSessionConfig private constructor(
    /** The Kotlin settings these map to. */
    public val kotlinConfig: SessionConfig,
    /** The Java bookmark manager given to [Builder.withBookmarkManager], or null. */
    public val bookmarkManager: JavaBookmarkManager?,
) {
    /** See [SessionConfig.database]. */
    public val database: String? get() = kotlinConfig.database
    /** See [SessionConfig.defaultAccessMode]. */
    public val defaultAccessMode: AccessMode get() = kotlinConfig.defaultAccessMode
    /** See [SessionConfig.fetchSize]; null uses the driver's. */
    public val fetchSize: Long? get() = kotlinConfig.fetchSize
    /** See [SessionConfig.bookmarks]. */
    public val bookmarks: Set<Bookmark> get() = kotlinConfig.bookmarks
    /** See [SessionConfig.impersonatedUser]. */
    public val impersonatedUser: String? get() = kotlinConfig.impersonatedUser
    /** See [SessionConfig.auth]. */
    public val auth: AuthToken? get() = kotlinConfig.auth
    /** See [SessionConfig.notificationFilter]. */
    public val notificationFilter: NotificationFilterConfig? get() = kotlinConfig.notificationFilter

    /** A builder starting from this config's values. */
    public fun toBuilder(): Builder = Builder(this)

    /** Mutable builder; not thread-safe. */
    public class Builder internal constructor(from: JavaSessionConfig?) {
        private var database: String? = from?.database
        private var defaultAccessMode: AccessMode = from?.defaultAccessMode ?: AccessMode.WRITE
        private var fetchSize: Long? = from?.fetchSize
        private var bookmarks: Collection<Bookmark> = from?.bookmarks ?: emptySet()
        private var bookmarkManager: JavaBookmarkManager? = from?.bookmarkManager
        private var impersonatedUser: String? = from?.impersonatedUser
        private var auth: AuthToken? = from?.auth
        private var notificationFilter: NotificationFilterConfig? = from?.notificationFilter

        /** Target database; null for the user's home database. */
        public fun withDatabase(value: String?): Builder = apply { database = value }
        /** READ or WRITE for `run` and explicit transactions. */
        public fun withDefaultAccessMode(value: AccessMode): Builder = apply { defaultAccessMode = value }
        /** Records per PULL (a result's first; later ones grow as the driver's fetch-size growth says); null uses the driver's. */
        public fun withFetchSize(value: Long?): Builder = apply { fetchSize = value }
        /** Bookmarks the first transaction waits for. */
        public fun withBookmarks(value: Collection<Bookmark>): Builder = apply { bookmarks = value.toSet() }
        /** Shares bookmarks between sessions. */
        public fun withBookmarkManager(value: JavaBookmarkManager?): Builder = apply { bookmarkManager = value }
        /** Run as this user. */
        public fun withImpersonatedUser(value: String?): Builder = apply { impersonatedUser = value }
        /** Session-level credentials (Bolt 5.1+). */
        public fun withAuth(value: AuthToken?): Builder = apply { auth = value }
        /** Notification filter for this session (Bolt 5.2+), replacing the driver's; see [NotificationFilterConfig]. */
        public fun withNotificationFilter(value: NotificationFilterConfig?): Builder = apply { notificationFilter = value }

        /** The immutable config. @throws IllegalArgumentException for invalid values. */
        public fun build(): JavaSessionConfig {
            val manager = bookmarkManager
            val kotlin = SessionConfig.build {
                database = this@Builder.database
                defaultAccessMode = this@Builder.defaultAccessMode
                fetchSize = this@Builder.fetchSize
                bookmarks = this@Builder.bookmarks
                bookmarkManager = manager?.let(JavaBookmarkManagers::toKotlin)
                impersonatedUser = this@Builder.impersonatedUser
                auth = this@Builder.auth
                notificationFilter = this@Builder.notificationFilter
            }
            return JavaSessionConfig(kotlin, manager)
        }
    }

    /** Static factories (`@JvmStatic`, callable from Java without `Companion`). */
    public companion object {
        /** Home database, WRITE, driver defaults. */
        @JvmStatic
        public fun defaults(): JavaSessionConfig = DEFAULTS

        /** A builder with all defaults. */
        @JvmStatic
        public fun builder(): Builder = Builder(null)

        /** Shorthand for a config naming only [database]. */
        @JvmStatic
        public fun forDatabase(database: String): JavaSessionConfig = builder().withDatabase(database).build()

        private val DEFAULTS = Builder(null).build()

        internal fun of(kotlin: SessionConfig): JavaSessionConfig =
            JavaSessionConfig(kotlin, kotlin.bookmarkManager?.let(JavaBookmarkManagers::fromKotlin))
    }
}

/**
 * Settings of one transaction, each meaning what the same-named property of [TransactionConfig] means:
 * `JavaTransactionConfig.builder().withTimeout(Duration.ofSeconds(5)).withMetadata(Map.of("app", "x")).build()`.
 * Immutable.
 */
public class JavaTransactionConfig private constructor(
    /** The Kotlin settings these map to. */
    public val kotlinConfig: TransactionConfig,
) {
    /** Server-side timeout; null uses the server's default. */
    public val timeout: Duration? get() = kotlinConfig.timeout?.toJava()
    /** Metadata attached to the transaction. */
    public val metadata: Map<String, Any?> get() = kotlinConfig.metadata

    /** Mutable builder; not thread-safe. */
    public class Builder internal constructor() {
        private var timeout: Duration? = null
        private var metadata: Map<String, Any?> = emptyMap()

        /** Server-side timeout; null uses the server's default. */
        public fun withTimeout(value: Duration?): Builder = apply { timeout = value }
        /** Metadata attached to the transaction (converted like parameters). */
        public fun withMetadata(value: Map<String, Any?>): Builder = apply { metadata = LinkedHashMap(value) }

        /** The immutable config. @throws IllegalArgumentException for a negative timeout. */
        public fun build(): JavaTransactionConfig = JavaTransactionConfig(TransactionConfig(timeout?.toKotlin(), metadata))
    }

    /** Static factories (`@JvmStatic`, callable from Java without `Companion`). */
    public companion object {
        /** No timeout, no metadata. */
        @JvmStatic
        public fun defaults(): JavaTransactionConfig = DEFAULTS

        /** A builder with all defaults. */
        @JvmStatic
        public fun builder(): Builder = Builder()

        private val DEFAULTS = JavaTransactionConfig(TransactionConfig.DEFAULT)
    }
}

/**
 * Settings of [JavaDriver.executeQueryAsync], each meaning what the same-named property of [QueryConfig] means.
 * By default the driver's executeQuery bookmark manager chains successive calls; [Builder.withoutBookmarkManager]
 * turns chaining off. Immutable.
 */
public class JavaQueryConfig private constructor(
    /** The Kotlin settings these map to. */
    public val kotlinConfig: QueryConfig,
    private val javaBookmarkManager: JavaBookmarkManager?,
    private val useDriverDefault: Boolean,
    /** The transaction settings. */
    public val transactionConfig: JavaTransactionConfig,
) {
    /** See [QueryConfig.database]. */
    public val database: String? get() = kotlinConfig.database
    /** See [QueryConfig.routing]. */
    public val routing: AccessMode get() = kotlinConfig.routing
    /** See [QueryConfig.impersonatedUser]. */
    public val impersonatedUser: String? get() = kotlinConfig.impersonatedUser
    /** See [QueryConfig.auth]. */
    public val auth: AuthToken? get() = kotlinConfig.auth
    /** The manager given to [Builder.withBookmarkManager]; null when chaining is off or the driver's default is used. */
    public val bookmarkManager: JavaBookmarkManager? get() = javaBookmarkManager
    /** True when the driver's own executeQuery bookmark manager is used (the default). */
    public val usesDriverBookmarkManager: Boolean get() = useDriverDefault

    /** Mutable builder; not thread-safe. */
    public class Builder internal constructor() {
        private var database: String? = null
        private var routing: AccessMode = AccessMode.WRITE
        private var impersonatedUser: String? = null
        private var bookmarkManager: JavaBookmarkManager? = null
        private var useDriverDefault = true
        private var auth: AuthToken? = null
        private var transactionConfig: JavaTransactionConfig = JavaTransactionConfig.defaults()

        /** Target database; null for the home database. */
        public fun withDatabase(value: String?): Builder = apply { database = value }
        /** READ runs the query in a read transaction (on a reader in a cluster). */
        public fun withRouting(value: AccessMode): Builder = apply { routing = value }
        /** Run as this user. */
        public fun withImpersonatedUser(value: String?): Builder = apply { impersonatedUser = value }
        /** Chain bookmarks through [value] instead of the driver's default manager. */
        public fun withBookmarkManager(value: JavaBookmarkManager): Builder = apply { bookmarkManager = value; useDriverDefault = false }
        /** No bookmark chaining at all. */
        public fun withoutBookmarkManager(): Builder = apply { bookmarkManager = null; useDriverDefault = false }
        /** Credentials for this query (Bolt 5.1+). */
        public fun withAuth(value: AuthToken?): Builder = apply { auth = value }
        /** Timeout and metadata of the transaction. */
        public fun withTransactionConfig(value: JavaTransactionConfig): Builder = apply { transactionConfig = value }

        /** The immutable config. */
        public fun build(): JavaQueryConfig {
            val manager = when {
                useDriverDefault -> QueryConfig.UseDriverDefault
                else -> bookmarkManager?.let(JavaBookmarkManagers::toKotlin)
            }
            return JavaQueryConfig(
                QueryConfig(database, routing, impersonatedUser, manager, auth, transactionConfig.kotlinConfig),
                bookmarkManager, useDriverDefault, transactionConfig,
            )
        }
    }

    /** Static factories (`@JvmStatic`, callable from Java without `Companion`). */
    public companion object {
        /** Home database, WRITE, driver bookmark manager. */
        @JvmStatic
        public fun defaults(): JavaQueryConfig = DEFAULTS

        /** A builder with all defaults. */
        @JvmStatic
        public fun builder(): Builder = Builder()

        private val DEFAULTS = Builder().build()
    }
}

package org.boltkt.client

import org.boltkt.client.value.QueryParameters
import org.boltkt.client.auth.AuthTokenManager
import org.boltkt.client.auth.AuthTokenManagers
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.bookmark.BookmarkManager
import org.boltkt.client.pool.PoolMetrics
import org.boltkt.client.driver.DriverFactory
import org.boltkt.client.summary.ServerInfo
import org.boltkt.protocol.message.AuthToken

/**
 * The entry point: holds the connection pool(s) for one database deployment and hands out [Session]s. Create one
 * per application and share it; it is thread-safe. Creating it opens no connection: the first session or
 * [verifyConnectivity] does.
 *
 * Every suspending member is cancellable; a cancelled call leaves no connection or pool permit behind.
 */
public interface Driver {
    /** The settings the driver was created with. */
    public val config: DriverConfig

    /** A new session (cheap; it borrows connections only while working). */
    public fun session(config: SessionConfig = SessionConfig.DEFAULT): Session

    /** A new session configured by the DSL, e.g. `driver.session { database = "movies" }`. */
    public fun session(configure: SessionConfigBuilder.() -> Unit): Session = session(SessionConfig.build(configure))

    /**
     * Opens (or reuses) a connection, authenticates and makes one RESET round trip on it, proving the server is
     * reachable with these credentials (a pooled connection that died while idle fails the check).
     * @throws org.boltkt.client.error.ServiceUnavailableException or an authentication error.
     */
    public suspend fun verifyConnectivity()

    /** Address, agent and protocol version of the server a connection reaches, checked like [verifyConnectivity]. */
    public suspend fun serverInfo(): ServerInfo

    /** Whether the server speaks a protocol with multiple databases (Bolt 4.0+). */
    public suspend fun supportsMultiDb(): Boolean

    /** Whether sessions can use their own credentials ([SessionConfig.auth]; needs Bolt 5.1+). */
    public suspend fun supportsSessionAuth(): Boolean

    /**
     * Whether [auth] (the driver's own credentials when null) is accepted by the server, checked now on a READ
     * connection to the `system` database (a pooled connection logs on again): false when the server answers
     * Unauthorized, TokenExpired, CredentialsExpired or Forbidden; other failures (unreachable server, other
     * security errors such as AuthorizationExpired or a rate limit) are thrown. A given [auth] is session-level
     * authentication, so it needs Bolt 5.1+ ([org.boltkt.client.error.UnsupportedFeatureException] before).
     */
    public suspend fun verifyAuthentication(auth: AuthToken? = null): Boolean

    /**
     * Runs one query in a managed transaction (retried like [Session.executeWrite]/[Session.executeRead]) and returns
     * the [EagerResult]. Uses the driver's [executeQueryBookmarkManager] unless [QueryConfig.bookmarkManager] says
     * otherwise, so successive calls read their own writes.
     */
    public suspend fun executeQuery(query: String, parameters: Map<String, Any?> = emptyMap(), config: QueryConfig = QueryConfig.DEFAULT): EagerResult =
        executeQuery(query, parameters, config) { result -> EagerResult(result.keys, result.list(), result.consume()) }

    /** Like [executeQuery], handing the live [Result] to [transformer] inside the transaction. */
    public suspend fun <T> executeQuery(query: String, parameters: Map<String, Any?>, config: QueryConfig, transformer: suspend (Result) -> T): T

    /** Like [executeQuery], with [parameters] built from objects (see [Session.run] taking [QueryParameters]). */
    public suspend fun executeQuery(query: String, parameters: QueryParameters, config: QueryConfig = QueryConfig.DEFAULT): EagerResult =
        executeQuery(query, parameters, config) { result -> EagerResult(result.keys, result.list(), result.consume()) }

    /** Like [executeQuery] with a transformer, with [parameters] built from objects. */
    public suspend fun <T> executeQuery(query: String, parameters: QueryParameters, config: QueryConfig, transformer: suspend (Result) -> T): T

    /** The bookmark manager [executeQuery] uses by default. */
    public val executeQueryBookmarkManager: BookmarkManager

    /**
     * Operations helpers: running transactions and queries (and terminating them), client connections, server
     * settings and databases, as one typed API over Neo4j's and Memgraph's administration commands; see
     * [org.boltkt.client.admin.Admin]. Creating it sends nothing; it detects the server on first use and caches that.
     */
    public val admin: org.boltkt.client.admin.Admin

    /** Per-server pool counts. */
    public fun metrics(): List<PoolMetrics>

    /**
     * **Advanced (diagnostics, conformance tests).** The routing table a `neo4j://` driver holds for [database]
     * (null: the driver user's home database, once resolved), or null when it holds none or the driver is not a
     * routing driver. No I/O; thread-safe; the snapshot does not change afterwards.
     */
    public fun routingTable(database: String? = null): RoutingTableInfo?

    /**
     * **Advanced (diagnostics, conformance tests).** Fetches [database]'s routing table now (null: the home
     * database), sending [bookmarks] with ROUTE, whatever the current table's TTL, and returns it. Cancellable.
     * @throws org.boltkt.client.error.RoutingUnavailableException when no router answers.
     * @throws org.boltkt.client.error.UnsupportedFeatureException for a `bolt://` driver (it has no routing table).
     */
    public suspend fun updateRoutingTable(database: String? = null, bookmarks: Set<Bookmark> = emptySet()): RoutingTableInfo

    /**
     * Closes every connection (idle ones with GOODBYE). Idempotent. Afterwards [session] and any work on a session
     * opened earlier throw [IllegalStateException] ("the driver is closed"), as using any closed resource does.
     */
    public suspend fun close()
}

/**
 * Creates a driver for [uri] (`bolt://host:port` for one server, `neo4j://host:port` for a cluster's routing) with
 * fixed credentials. A comma-separated host list (`neo4j://a:7687,b:7687`, `bolt://a:7687,b:7687`) gives seed
 * addresses: tried in order for routing tables (`neo4j`) or as connection failover (`bolt`).
 * @throws org.boltkt.client.error.ConfigurationException for an invalid URI or setting.
 */
public fun BoltDriver(uri: String, auth: AuthToken = AuthToken.none(), configure: DriverConfigBuilder.() -> Unit = {}): Driver =
    BoltDriver(uri, AuthTokenManagers.static(auth), configure)

/** Creates a driver whose credentials come from [authManager] (rotation, expiring tokens). */
public fun BoltDriver(uri: String, authManager: AuthTokenManager, configure: DriverConfigBuilder.() -> Unit = {}): Driver =
    BoltDriver(uri, authManager, DriverConfig.build(configure))

/**
 * Creates a driver from a finished [config] (for facades and for sharing one configuration between drivers); same
 * contract as the builder form.
 * @throws org.boltkt.client.error.ConfigurationException for an invalid URI or setting.
 */
public fun BoltDriver(uri: String, authManager: AuthTokenManager, config: DriverConfig): Driver =
    DriverFactory.create(uri, authManager, config)

package org.boltkt.javainterop

import org.boltkt.client.value.QueryParameters
import kotlinx.coroutines.CoroutineName
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.asCoroutineDispatcher
import kotlin.coroutines.EmptyCoroutineContext
import kotlinx.coroutines.cancel
import kotlinx.coroutines.future.await
import kotlinx.coroutines.supervisorScope
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.auth.AuthTokenManagers
import org.boltkt.client.RoutingTableInfo
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.pool.PoolMetrics
import org.boltkt.client.summary.ServerInfo
import org.boltkt.protocol.message.AuthToken
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.function.Function

/**
 * The Java entry point: a [Driver] seen through `CompletableFuture`s (`…Async` methods and [asyncSession]) and a
 * blocking facade (the methods without `Async` and [session]). Create one per application with [create] and share
 * it; it is thread-safe. Close it (try-with-resources) when the application ends.
 *
 * **Threading.** Each asynchronous call starts the Kotlin operation as a coroutine on the driver's executor
 * ([JavaDriverConfig.Builder.withExecutor], `Dispatchers.Default` by default); the returned future completes there,
 * so never block inside a non-async callback on it. A call made in a non-async dependent stage of one of the
 * driver's futures (`thenCompose(cursor::singleAsync)`), which already runs on the executor, starts on that thread
 * instead of being queued behind a hand-off (at most 16 operations begun within one completion; more are queued,
 * which also ends a recursive chain's stack). Blocking calls start the operation on the calling thread and
 * continue on the executor only once it waits for the server (a call that needs no wait, such as a record, a summary
 * or a close already in hand, never leaves the calling thread); they wait with `CompletableFuture.get()` and hold no
 * monitor, so they suit virtual threads.
 *
 * **Errors.** A failed operation completes its future exceptionally with the driver's public exception
 * ([org.boltkt.client.error.BoltException] subclasses such as
 * [org.boltkt.client.error.ServiceUnavailableException], [org.boltkt.client.error.ClientException]) itself, not a
 * wrapper: `exceptionally`, `handle` and `whenComplete` on the returned future see it directly. As usual for
 * `CompletableFuture`, `get()` wraps it in an `ExecutionException`, `join()` and stages derived with `thenApply`
 * & co. in a `CompletionException` — take `getCause()` there. Blocking methods throw it unwrapped. The type and
 * message are guaranteed, not the instance: with kotlinx coroutine debug mode on (e.g. assertions enabled) an
 * exception may arrive as a copy with a recovered stack trace.
 *
 * **Cancellation.** `cancel(…)` on a returned future cancels the coroutine behind it; the Kotlin core then cleans up
 * exactly as for a cancelled Kotlin caller (connections are reset or closed and returned to the pool). Cancelling a
 * *derived* stage does not reach back to the driver.
 */
public class JavaDriver private constructor(
    /** The Kotlin driver behind this facade. */
    public val driver: Driver,
    private val javaConfig: JavaDriverConfig,
) : AutoCloseable {
    private val scope: CoroutineScope = CoroutineScope(
        SupervisorJob() + (javaConfig.executor?.asCoroutineDispatcher() ?: Dispatchers.Default) + CoroutineName("boltkt-java") +
            (driver.config.listener?.let(::CallerCapture) ?: EmptyCoroutineContext),
    )

    /** The settings the driver was created with. */
    public fun getConfig(): JavaDriverConfig = javaConfig

    /** A new asynchronous session with default settings (cheap; no connection is opened). */
    public fun asyncSession(): AsyncSession = asyncSession(JavaSessionConfig.defaults())

    /** A new asynchronous session. @throws IllegalStateException when the driver is closed. */
    public fun asyncSession(config: JavaSessionConfig): AsyncSession = AsyncSession(driver.session(config.kotlinConfig), scope)

    /** A new blocking session with default settings. */
    public fun session(): BlockingSession = session(JavaSessionConfig.defaults())

    /** A new blocking session. @throws IllegalStateException when the driver is closed. */
    public fun session(config: JavaSessionConfig): BlockingSession = BlockingSession(driver.session(config.kotlinConfig), scope)

    /** Opens (or reuses) a connection and authenticates; fails with ServiceUnavailableException or an auth error. */
    public fun verifyConnectivityAsync(): CompletableFuture<Void?> = scope.launchUnit { driver.verifyConnectivity() }

    /** Blocking [verifyConnectivityAsync]. */
    public fun verifyConnectivity(): Unit = verifyConnectivityAsync().awaitBlocking().let { }

    /** Address, agent and protocol version of the server. */
    public fun serverInfoAsync(): CompletableFuture<ServerInfo> = scope.launchFuture { driver.serverInfo() }

    /** Blocking [serverInfoAsync]. */
    public fun serverInfo(): ServerInfo = serverInfoAsync().awaitBlocking()

    /** Whether the server has multiple databases (Bolt 4.0+). */
    public fun supportsMultiDbAsync(): CompletableFuture<Boolean> = scope.launchFuture { driver.supportsMultiDb() }

    /** Blocking [supportsMultiDbAsync]. */
    public fun supportsMultiDb(): Boolean = supportsMultiDbAsync().awaitBlocking()

    /** Whether sessions can use their own credentials (Bolt 5.1+). */
    public fun supportsSessionAuthAsync(): CompletableFuture<Boolean> = scope.launchFuture { driver.supportsSessionAuth() }

    /** Blocking [supportsSessionAuthAsync]. */
    public fun supportsSessionAuth(): Boolean = supportsSessionAuthAsync().awaitBlocking()

    /**
     * Whether [auth] (the driver's own credentials when null) is accepted, as
     * [org.boltkt.client.Driver.verifyAuthentication]: false for Unauthorized, TokenExpired, CredentialsExpired or
     * Forbidden; other failures (including UnsupportedFeatureException before Bolt 5.1) complete the future
     * exceptionally.
     */
    @JvmOverloads
    public fun verifyAuthenticationAsync(auth: AuthToken? = null): CompletableFuture<Boolean> =
        scope.launchFuture { driver.verifyAuthentication(auth) }

    /** Blocking [verifyAuthenticationAsync]. */
    @JvmOverloads
    public fun verifyAuthentication(auth: AuthToken? = null): Boolean = verifyAuthenticationAsync(auth).awaitBlocking()

    /**
     * Runs one query in a managed transaction (retried like [AsyncSession.executeWriteAsync]) and returns every
     * record. Successive calls chain through the driver's bookmark manager unless [config] says otherwise.
     */
    @JvmOverloads
    public fun executeQueryAsync(
        query: String,
        parameters: Map<String, Any?> = emptyMap(),
        config: JavaQueryConfig = JavaQueryConfig.defaults(),
    ): CompletableFuture<JavaEagerResult> =
        scope.launchFuture { JavaEagerResult(driver.executeQuery(query, parameters, config.kotlinConfig)) }

    /** Like [executeQueryAsync] with a map, with [parameters] built from objects ([JavaParameters]). */
    @JvmOverloads
    public fun executeQueryAsync(
        query: String,
        parameters: QueryParameters,
        config: JavaQueryConfig = JavaQueryConfig.defaults(),
    ): CompletableFuture<JavaEagerResult> =
        scope.launchFuture { JavaEagerResult(driver.executeQuery(query, parameters, config.kotlinConfig)) }

    /**
     * Like [executeQueryAsync], handing the live cursor to [transformer] inside the transaction; its stage's value
     * is the result. [transformer] may run more than once (retries) and must finish reading within its stage.
     */
    public fun <T> executeQueryAsync(
        query: String,
        parameters: Map<String, Any?>,
        config: JavaQueryConfig,
        transformer: Function<AsyncResultCursor, out CompletionStage<T>>,
    ): CompletableFuture<T> = scope.launchFuture {
        driver.executeQuery(query, parameters, config.kotlinConfig) { result ->
            supervisorScope {
                try {
                    transformer.apply(AsyncResultCursor(result, SerialFutures(this))).await()
                } catch (e: Throwable) {
                    throw unwrap(e)
                }
            }
        }
    }

    /** Blocking [executeQueryAsync]. */
    @JvmOverloads
    public fun executeQuery(
        query: String,
        parameters: Map<String, Any?> = emptyMap(),
        config: JavaQueryConfig = JavaQueryConfig.defaults(),
    ): JavaEagerResult = executeQueryAsync(query, parameters, config).awaitBlocking()

    /** Blocking [executeQueryAsync] with [parameters] built from objects ([JavaParameters]). */
    @JvmOverloads
    public fun executeQuery(
        query: String,
        parameters: QueryParameters,
        config: JavaQueryConfig = JavaQueryConfig.defaults(),
    ): JavaEagerResult = executeQueryAsync(query, parameters, config).awaitBlocking()

    /** Blocking executeQuery with a [transformer] run on the calling thread (possibly more than once). */
    public fun <T> executeQuery(query: String, parameters: Map<String, Any?>, config: JavaQueryConfig, transformer: Function<BlockingResult, T>): T =
        CallerThread.run(scope) { caller ->
            driver.executeQuery(query, parameters, config.kotlinConfig) { result -> caller.call { s -> transformer.apply(BlockingResult(result, s)) } }
        }

    /** The bookmark manager executeQuery uses by default (a Java view of the Kotlin driver's). */
    public fun getExecuteQueryBookmarkManager(): JavaBookmarkManager = JavaBookmarkManagers.fromKotlin(driver.executeQueryBookmarkManager)

    /**
     * Operations helpers (transactions, queries, connections, settings, databases) with blocking and
     * `CompletableFuture` methods; see [JavaAdmin] and [org.boltkt.client.admin.Admin]. Never blocks.
     */
    public fun admin(): JavaAdmin = javaAdmin

    private val javaAdmin by lazy { JavaAdmin(driver.admin, scope) }

    /** Per-server pool counts (connections in use and idle). Never blocks. */
    public fun metrics(): List<PoolMetrics> = driver.metrics()

    /**
     * **Advanced (diagnostics, conformance tests).** See [Driver.routingTable]: the routing table a `neo4j://`
     * driver holds for [database] (null: the home database), or null. Never blocks.
     */
    @JvmOverloads
    public fun routingTable(database: String? = null): RoutingTableInfo? = driver.routingTable(database)

    /**
     * **Advanced (diagnostics, conformance tests).** See [Driver.updateRoutingTable]: fetches [database]'s routing
     * table now with [bookmarks]; fails with RoutingUnavailableException, or UnsupportedFeatureException for bolt://.
     */
    @JvmOverloads
    public fun updateRoutingTableAsync(database: String? = null, bookmarks: Set<Bookmark> = emptySet()): CompletableFuture<RoutingTableInfo> =
        scope.launchFuture { driver.updateRoutingTable(database, bookmarks) }

    /** Blocking [updateRoutingTableAsync]. */
    @JvmOverloads
    public fun updateRoutingTable(database: String? = null, bookmarks: Set<Bookmark> = emptySet()): RoutingTableInfo =
        updateRoutingTableAsync(database, bookmarks).awaitBlocking()

    /** Closes every connection; sessions fail afterwards. Idempotent. The future completes when all are closed. */
    public fun closeAsync(): CompletableFuture<Void?> {
        val closing = scope.launchUnit { driver.close() }
        // Not the returned future: a dependent stage would wrap a failure in CompletionException.
        closing.whenComplete { _, _ -> scope.cancel("the driver was closed") }
        return closing
    }

    /** Blocking [closeAsync]. */
    override fun close(): Unit = closeAsync().awaitBlocking().let { }

    /** Static factories (`@JvmStatic`, callable from Java without `Companion`). */
    public companion object {
        /**
         * A driver for [uri] (`bolt://host:port`, `neo4j://host:port`) with fixed credentials. Opens no connection.
         * @throws org.boltkt.client.error.ConfigurationException for an invalid URI or setting.
         */
        @JvmStatic
        @JvmOverloads
        public fun create(uri: String, auth: AuthToken, config: JavaDriverConfig = JavaDriverConfig.defaults()): JavaDriver =
            JavaDriver(BoltDriver(uri, AuthTokenManagers.static(auth), config.kotlinConfig), config)

        /** A driver whose credentials come from [authManager] (rotation, expiring tokens). */
        @JvmStatic
        @JvmOverloads
        public fun create(uri: String, authManager: JavaAuthTokenManager, config: JavaDriverConfig = JavaDriverConfig.defaults()): JavaDriver =
            JavaDriver(BoltDriver(uri, JavaAuthTokenManagers.toKotlin(authManager), config.kotlinConfig), config)

        /** Wraps an existing Kotlin driver (closing the facade closes it). */
        @JvmStatic
        @JvmOverloads
        public fun wrap(driver: Driver, executor: java.util.concurrent.Executor? = null): JavaDriver =
            JavaDriver(driver, JavaDriverConfig.builder().withExecutor(executor).build())
    }
}

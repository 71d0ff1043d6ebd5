package org.boltkt.client.routing

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.withTimeoutOrNull
import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.error.AuthenticationException
import org.boltkt.client.error.AuthorizationExpiredException
import org.boltkt.client.error.CertificateRejectedException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.DRIVER_CLOSED
import org.boltkt.client.error.DatabaseNotFoundException
import org.boltkt.client.error.ErrorMapper
import org.boltkt.client.error.ForbiddenException
import org.boltkt.client.error.NotALeaderException
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.error.RoutingUnavailableException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.pool.AcquireRequest
import org.boltkt.client.pool.ConnectionLease
import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.Route
import org.boltkt.protocol.version.RouteForm
import org.slf4j.Logger
import kotlin.time.Duration
import java.util.concurrent.ConcurrentHashMap

/**
 * Fetches routing tables: asks the known routers of the database in order, then the seed addresses (each mapped by
 * the resolver hook when set; the transport then tries every DNS address of a host), and returns the first valid
 * table. A router that fails or answers with an unusable table is skipped; a fatal answer (authentication,
 * missing database, bad bookmark, bad impersonation…) is thrown at once, as retrying elsewhere cannot help. A
 * router that does not answer ROUTE within [routeTimeout] counts as failed. The acquisition timeout bounds getting
 * the router's connection (pool wait, connect, HELLO), not the ROUTE answer, as in the official drivers; the
 * driver passes the acquisition timeout or 30 s, whichever is longer.
 * Throws [RoutingUnavailableException] when nobody answers.
 */
internal class Rediscovery(
    private val seeds: List<ServerAddress>,
    private val resolver: (suspend (ServerAddress) -> List<ServerAddress>)?,
    private val routingContext: Map<String, String>,
    private val pools: MemberPools,
    private val rewrite: (ServerAddress) -> ServerAddress,
    private val logger: Logger,
    private val routeTimeout: Duration,
    private val nanoTime: () -> Long = System::nanoTime,
) {
    /** Router connections with a ROUTE under way: [close] aborts them, so a closing driver leaves no socket open. */
    private val inFlight: MutableSet<BoltConnection> = ConcurrentHashMap.newKeySet()

    @Volatile
    private var closed = false

    /** The driver closes: aborts every ROUTE under way (their callers see the closed driver); later fetches fail. */
    fun close() {
        closed = true
        inFlight.forEach { it.abort() }
    }

    /**
     * A fresh table for [database] (null = the user's home database) from [knownRouters] or the seeds. [request]
     * gives the credentials and impersonated user, [bookmarks] the bookmarks sent along.
     */
    suspend fun fetch(database: String?, knownRouters: List<ServerAddress>, request: AcquireRequest, bookmarks: List<String>): RoutingTable {
        val failures = ArrayList<Throwable>()
        val tried = LinkedHashSet<ServerAddress>()
        for (router in knownRouters) {
            if (tried.add(router)) ask(router, database, request, bookmarks, failures)?.let { return it }
        }
        for (seed in seeds) {
            val candidates = resolver?.let { r -> r(seed).takeIf { it.isNotEmpty() } } ?: listOf(seed)
            for (candidate in candidates) {
                if (tried.add(candidate)) ask(candidate, database, request, bookmarks, failures)?.let { return it }
            }
        }
        val what = database?.let { "database '$it'" } ?: "the home database"
        val error = RoutingUnavailableException(
            "could not get a routing table for $what: no router answered (tried ${tried.joinToString()}); check that " +
                "the cluster runs and that its addresses are reachable from this client",
            failures.lastOrNull(),
        )
        failures.dropLast(1).forEach(error::addSuppressed)
        throw error
    }

    /** The table [router] answers with, or null (failure recorded) when it cannot; fatal failures are thrown. */
    private suspend fun ask(
        router: ServerAddress,
        database: String?,
        request: AcquireRequest,
        bookmarks: List<String>,
        failures: MutableList<Throwable>,
    ): RoutingTable? {
        pools.ensureOpen() // outside the try: a closed driver is not a failed router
        var lease: ConnectionLease? = null
        try {
            lease = pools.get(router).acquire(AcquireRequest(auth = request.auth))
            val open = lease.connection
            inFlight += open
            if (closed) open.abort()
            // A router that accepts the connection and never answers must not hang every session: after the
            // timeout the exchange is cancelled (which closes that connection) and the next router is asked.
            val table = withTimeoutOrNull(routeTimeout) { route(open, database, request, bookmarks) }
                ?: throw ServiceUnavailableException("the router at $router did not answer ROUTE within $routeTimeout", router.toString())
            if (table.routers.isEmpty()) throw ProtocolException("the routing table from $router names no router")
            // A table without readers cannot serve anything (a cluster always has a reader, even while it elects a
            // leader): that router is treated as failed and the next one is asked, as the official drivers do.
            if (table.readers.isEmpty()) throw ServiceUnavailableException("the routing table from $router names no reader", router.toString())
            logger.debug("Routing table for {} from {}: {}", table.database, router, table)
            return table
        } catch (e: CancellationException) {
            throw e
        } catch (e: Throwable) {
            if (closed) throw IllegalStateException(DRIVER_CLOSED, e)
            val mapped = lease?.fail(e) ?: ErrorMapper.map(e, router)
            if (isFatal(mapped)) throw mapped
            logger.info("Router {} could not give a routing table ({}); trying the next", router, mapped.message)
            failures += mapped
            return null
        } finally {
            lease?.let { inFlight -= it.connection }
            lease?.release()
        }
    }

    private suspend fun route(connection: BoltConnection, database: String?, request: AcquireRequest, bookmarks: List<String>): RoutingTable {
        val form = connection.capabilities.routeForm
        if (form != RouteForm.V4_4 && request.impersonatedUser != null) {
            throw ClientException("impersonation needs Bolt 4.4+ (Neo4j 4.4+); ${connection.address} speaks Bolt ${connection.capabilities.version}")
        }
        if (form == RouteForm.CLUSTER_PROCEDURE || form == RouteForm.ROUTING_PROCEDURE) {
            val metadata = RoutingProcedure.call(connection, routingContext, database, bookmarks)
            return RoutingTableParser.parse(metadata, database, nanoTime(), rewrite)
        }
        val metadata = connection.request(Route(routingContext, bookmarks, database, request.impersonatedUser))
        return RoutingTableParser.parse(metadata, database, nanoTime(), rewrite)
    }

    /**
     * Errors no other router would answer differently (the official drivers' "fatal discovery errors"): bad
     * credentials or permissions, a database that does not exist, bad bookmarks or arguments, and features the
     * server lacks. Anything else (a lost or confused router, an unknown failure, a missing routing procedure,
     * expired authorization) moves on to the next router.
     */
    private fun isFatal(error: Throwable): Boolean = when (error) {
        is AuthorizationExpiredException -> false
        is AuthenticationException, is ForbiddenException, is CertificateRejectedException -> true
        is DatabaseNotFoundException -> true
        is UnsupportedFeatureException -> true
        is ClientException -> error.code.let { it == null || it in FATAL_CODES || it.startsWith("Neo.ClientError.Security.") }
        else -> false
    }

    private companion object {
        val FATAL_CODES = setOf(
            "Neo.ClientError.Transaction.InvalidBookmark",
            "Neo.ClientError.Transaction.InvalidBookmarkMixture",
            "Neo.ClientError.Statement.ArgumentError",
            "Neo.ClientError.Request.Invalid",
            "Neo.ClientError.Statement.TypeError",
            "Neo.ClientError.Database.DatabaseNotFound",
        )
    }
}

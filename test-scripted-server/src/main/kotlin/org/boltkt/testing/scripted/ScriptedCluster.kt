package org.boltkt.testing.scripted

import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.value.StringValue
import java.util.concurrent.CopyOnWriteArrayList

/**
 * A cluster of [size] in-process scripted servers for routing tests. Every member serves like [DefaultResponder]
 * (so sessions can run queries anywhere), answers ROUTE with the cluster's current [RoutingAnswer], and records
 * which member received each RUN. Tests change the answer ([answer], [table]), stop members ([stop]) and inject
 * member-specific behaviour ([intercept]) while the driver runs.
 *
 * ```
 * ScriptedCluster(3).use { c ->
 *     c.table(routers = listOf(0), readers = listOf(1, 2), writers = listOf(0))
 *     BoltDriver(c.uri(0)) …
 *     c.runsOn(1) // queries member 1 received
 * }
 * ```
 * Thread-safe; members run on the scripted server's threads.
 */
class ScriptedCluster(
    size: Int,
    private val handshake: HandshakeAnswer = HandshakeAnswer.DEFAULT,
    private val serverAgent: String = "Neo4j/5.26.0",
    private val helloExtra: Map<String, Any?> = emptyMap(),
) : AutoCloseable {
    /** What ROUTE returns: addresses per role, the TTL, and the `db` to name (null: leave `db` out, as Memgraph may). */
    data class RoutingAnswer(
        val routers: List<String>,
        val readers: List<String>,
        val writers: List<String>,
        val ttlSeconds: Long = 300,
        val database: String? = "neo4j",
    )

    /** One RUN a member received: its index, the query and the BEGIN/RUN `db` field (null when absent). */
    data class Run(val member: Int, val query: String, val database: String?)

    private val defaults = DefaultResponder(server = serverAgent)
    private val interceptors = arrayOfNulls<(ReceivedRequest, ConnectionContext) -> List<Response>?>(size)
    private val runList = CopyOnWriteArrayList<Run>()
    private val routeList = CopyOnWriteArrayList<Pair<Int, ReceivedRequest>>()

    /** The members, started. */
    val members: List<ScriptedBoltServer> = List(size) { index ->
        ScriptedBoltServer(Script(handshake, listOf(Step.Serve { r, ctx -> respond(index, r, ctx) }), AfterScript.AUTO))
    }.onEach { it.start() }

    @Volatile
    var answer: RoutingAnswer = RoutingAnswer(listOf(address(0)), listOf(address(0)), listOf(address(0)))

    /** `127.0.0.1:port` of member [index]. */
    fun address(index: Int): String = members[index].hostAndPort

    /** `neo4j://` URI naming members [seeds] as a seed list (default: member 0). */
    fun uri(vararg seeds: Int = intArrayOf(0)): String = "neo4j://" + seeds.joinToString(",") { address(it) }

    /** Sets the ROUTE answer by member index. */
    fun table(routers: List<Int>, readers: List<Int>, writers: List<Int>, ttlSeconds: Long = 300, database: String? = "neo4j") {
        answer = RoutingAnswer(routers.map(::address), readers.map(::address), writers.map(::address), ttlSeconds, database)
    }

    /**
     * Member [index] first asks [handler]; a non-null answer is sent instead of the default one (it may also throw
     * [CloseAfter] to drop the connection). Null removes the interceptor.
     */
    fun intercept(index: Int, handler: ((ReceivedRequest, ConnectionContext) -> List<Response>?)?) {
        interceptors[index] = handler
    }

    /** Closes member [index]: its listener and every connection (a crash, seen by clients as connection loss). */
    fun stop(index: Int) = members[index].close()

    /** Every RUN, in arrival order. */
    val runs: List<Run> get() = runList.toList()

    /** Queries member [index] received. */
    fun runsOn(index: Int): List<String> = runList.filter { it.member == index }.map { it.query }

    /** ROUTE requests as (member index, request). */
    val routeRequests: List<Pair<Int, ReceivedRequest>> get() = routeList.toList()

    private fun respond(index: Int, request: ReceivedRequest, context: ConnectionContext): List<Response>? {
        if (request.kind == RequestKind.BEGIN) context.attributes["tx-db"] = (request.extra["db"] as? StringValue)?.value
        if (request.kind == RequestKind.RUN) {
            val db = (request.extra["db"] as? StringValue)?.value ?: context.attributes["tx-db"] as String?
            runList += Run(index, request.query ?: "", db)
        }
        if (request.kind == RequestKind.ROUTE) routeList += index to request
        interceptors[index]?.invoke(request, context)?.let { return it }
        return when (request.kind) {
            RequestKind.HELLO -> {
                val hello = defaults.respond(request, context)!!.single() as Response.Success
                listOf(Response.Success(hello.metadata + valueMap(*helloExtra.toList().toTypedArray())))
            }
            RequestKind.ROUTE -> listOf(routeSuccess(answer))
            RequestKind.COMMIT, RequestKind.ROLLBACK, RequestKind.RESET -> {
                context.attributes.remove("tx-db")
                defaults.respond(request, context)
            }
            else -> defaults.respond(request, context)
        }
    }

    override fun close() = members.forEach { it.close() }

    companion object {
        /** A ROUTE SUCCESS for [answer], shaped like Neo4j's (and Memgraph's, which may leave out `db`). */
        fun routeSuccess(answer: RoutingAnswer): Response.Success {
            val servers = listOf("WRITE" to answer.writers, "READ" to answer.readers, "ROUTE" to answer.routers)
                .map { (role, addresses) -> mapOf("addresses" to addresses, "role" to role) }
            val rt = buildMap<String, Any?> {
                put("ttl", answer.ttlSeconds)
                answer.database?.let { put("db", it) }
                put("servers", servers)
            }
            return success("rt" to rt)
        }
    }
}

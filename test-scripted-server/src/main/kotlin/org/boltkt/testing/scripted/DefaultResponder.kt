package org.boltkt.testing.scripted

import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.StringValue

/**
 * A well-behaved server for the boring parts of a test (pool tests with many connections, background traffic):
 * HELLO, LOGON, LOGOFF, TELEMETRY, RESET, BEGIN, COMMIT, ROLLBACK succeed; every RUN yields [fields] and [rows],
 * PULL honours `n` (`has_more` until the rows run out), DISCARD drops the rest; ROUTE answers a routing table
 * naming this server for every role. HELLO SUCCESS carries [server] and `connection_id` `bolt-<index>`; a 4.4
 * HELLO asking for the `utc` patch gets it. Bookmarks are `bm-<connection>-<n>`, after auto-commit PULLs and COMMITs.
 *
 * Stateless itself: per-connection state lives in [ConnectionContext.attributes], so one instance serves all
 * connections.
 */
class DefaultResponder(
    val fields: List<String> = listOf("n"),
    val rows: List<List<Any?>> = listOf(listOf(1L)),
    val server: String = "Neo4j/5.26.0",
    val database: String = "neo4j",
    val routingTtlSeconds: Long = 300,
) : Responder {
    private class State {
        var cursor = 0
        var inTx = false
        var bookmarks = 0
    }

    override fun respond(request: ReceivedRequest, context: ConnectionContext): List<Response>? {
        val s = context.attributes.getOrPut("default-responder") { State() } as State
        return when (request.kind) {
            RequestKind.HELLO -> {
                val meta = mutableListOf<Pair<String, Any?>>("server" to server, "connection_id" to "bolt-${context.index}")
                val patch = request.extra["patch_bolt"] as? ListValue
                if (patch?.values?.contains(StringValue("utc")) == true) meta += "patch_bolt" to listOf("utc")
                listOf(success(*meta.toTypedArray()))
            }
            RequestKind.LOGON, RequestKind.LOGOFF, RequestKind.TELEMETRY -> listOf(success())
            RequestKind.RESET -> { s.inTx = false; s.cursor = rows.size; listOf(success()) }
            RequestKind.BEGIN -> { s.inTx = true; listOf(success()) }
            RequestKind.COMMIT -> { s.inTx = false; listOf(success("bookmark" to bookmark(context, s))) }
            RequestKind.ROLLBACK -> { s.inTx = false; listOf(success()) }
            RequestKind.RUN -> {
                s.cursor = 0
                val meta = mutableListOf<Pair<String, Any?>>("fields" to fields, "t_first" to 0)
                if (s.inTx) meta += "qid" to 0
                listOf(success(*meta.toTypedArray()))
            }
            RequestKind.PULL -> {
                val n = request.n ?: -1L
                val end = if (n < 0) rows.size else minOf(rows.size.toLong(), s.cursor + n).toInt()
                val out = ArrayList<Response>()
                for (i in s.cursor until end) out += record(*rows[i].toTypedArray())
                s.cursor = maxOf(s.cursor, end)
                out += if (s.cursor < rows.size) success("has_more" to true) else summary(context, s)
                out
            }
            RequestKind.DISCARD -> { s.cursor = rows.size; listOf(summary(context, s)) }
            RequestKind.ROUTE -> {
                val self = listOf(context.serverAddress)
                val servers = listOf("WRITE", "READ", "ROUTE").map { mapOf("addresses" to self, "role" to it) }
                listOf(success("rt" to mapOf("ttl" to routingTtlSeconds, "db" to database, "servers" to servers)))
            }
            else -> null
        }
    }

    private fun summary(context: ConnectionContext, s: State): Response.Success {
        val meta = mutableListOf<Pair<String, Any?>>("has_more" to false, "t_last" to 0, "type" to "r", "db" to database)
        if (!s.inTx) meta += "bookmark" to bookmark(context, s)
        return success(*meta.toTypedArray())
    }

    private fun bookmark(context: ConnectionContext, s: State) = "bm-${context.index}-${++s.bookmarks}"
}

/** Terminal step: behave like [DefaultResponder] (see there) for the rest of the connection. */
fun ScriptBuilder.serveDefaults(
    fields: List<String> = listOf("n"),
    rows: List<List<Any?>> = listOf(listOf(1L)),
    server: String = "Neo4j/5.26.0",
): Unit = serve(DefaultResponder(fields, rows, server))

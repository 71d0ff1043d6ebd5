package org.boltkt.client.admin

import io.kotest.matchers.collections.shouldBeEmpty
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.testing.scripted.ConnectionContext
import org.boltkt.testing.scripted.DefaultResponder
import org.boltkt.testing.scripted.ReceivedRequest
import org.boltkt.testing.scripted.Responder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.ignored
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.time.Duration.Companion.seconds

/**
 * A scripted server that answers administration commands from a table (query text → columns and rows, or a
 * FAILURE) and behaves like [DefaultResponder] otherwise; it records every query it was sent, so tests can assert
 * what reached the wire (and what did not). An unscripted query fails with a syntax error naming it.
 */
class AdminScriptedServer(agent: String) : Responder {
    private class Answer(val fields: List<String>, val rows: () -> List<List<Any?>>, val failure: Response.Failure? = null)

    private val defaults = DefaultResponder(server = agent)
    private val answers = ConcurrentHashMap<String, Answer>()

    /** Every RUN's query text, in arrival order. */
    val queries: MutableList<String> = CopyOnWriteArrayList()

    /** Answers [query] with [fields] and [rows]. */
    fun on(query: String, fields: List<String>, vararg rows: List<Any?>) {
        answers[query] = Answer(fields, { rows.toList() })
    }

    /** Answers [query] with the rows [rows] computes at each call (a status that changes between polls). */
    fun onEach(query: String, fields: List<String>, rows: () -> List<List<Any?>>) {
        answers[query] = Answer(fields, rows)
    }

    /** Answers [query] with a FAILURE. */
    fun onFailure(query: String, code: String, message: String) {
        answers[query] = Answer(emptyList(), { emptyList() }, failure(code, message))
    }

    /**
     * For a [org.boltkt.testing.scripted.ScriptedCluster] member: answers only the scripted queries (and the PULL or
     * DISCARD after them), null for everything else so the cluster answers it.
     */
    fun scriptedOnly(request: ReceivedRequest, context: ConnectionContext): List<Response>? = when {
        request.kind == RequestKind.RUN && answers.containsKey(request.query) -> respond(request, context)
        (request.kind == RequestKind.PULL || request.kind == RequestKind.DISCARD) && context.attributes.containsKey(PENDING) -> respond(request, context)
        else -> null
    }

    override fun respond(request: ReceivedRequest, context: ConnectionContext): List<Response>? = when (request.kind) {
        RequestKind.RUN -> {
            val query = request.query.orEmpty()
            queries += query
            val answer = answers[query] ?: Answer(emptyList(), { emptyList() }, failure("Neo.ClientError.Statement.SyntaxError", "unscripted query: $query"))
            context.attributes[PENDING] = answer
            listOf(answer.failure ?: success("fields" to answer.fields, "t_first" to 0))
        }
        RequestKind.PULL, RequestKind.DISCARD -> {
            val answer = context.attributes.remove(PENDING) as? Answer
            when {
                answer == null -> defaults.respond(request, context)
                answer.failure != null -> listOf(ignored())
                request.kind == RequestKind.DISCARD -> listOf(success("has_more" to false))
                else -> answer.rows().map { record(*it.toTypedArray()) } + success("has_more" to false, "type" to "r")
            }
        }
        else -> defaults.respond(request, context)
    }

    private companion object {
        const val PENDING = "admin-pending-answer"
    }
}

/** Runs [block] with a driver on a scripted server answering from [answers]; the server must see no failure. */
fun withAdminServer(answers: AdminScriptedServer, block: suspend (Driver, AdminScriptedServer) -> Unit) {
    ScriptedBoltServer { serve(answers) }.start().use { server ->
        val driver = BoltDriver(server.uri, AuthToken.basic("admin", "pw"))
        try {
            runBlocking { withTimeout(30.seconds) { block(driver, answers) } }
        } finally {
            runBlocking { driver.close() }
        }
        server.failures.shouldBeEmpty()
    }
}

package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import org.boltkt.client.Result
import org.boltkt.client.SessionConfig
import org.boltkt.client.Transaction
import org.boltkt.client.TransactionConfig
import org.boltkt.client.TransactionContext
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.value.Value
import kotlin.time.Duration.Companion.milliseconds

/** Session, transaction and transaction-function requests. */
object SessionHandlers {
    fun newSession(b: Backend, d: JsonObject) {
        val driverId = d.id("driverId")
        val driver = b.drivers[driverId]?.driver ?: throw BadRequestException("no driver $driverId")
        val managerId = d["bookmarkManagerId"]?.takeUnless { d.isNull("bookmarkManagerId") }?.let { d.id("bookmarkManagerId") }
        val config = SessionConfig.build {
            defaultAccessMode = if (d.strOrNull("accessMode") == "r") AccessMode.READ else AccessMode.WRITE
            d.strings("bookmarks")?.let { bookmarks = Bookmark.setOf(it) }
            database = d.strOrNull("database")
            d.longOrNull("fetchSize")?.let { fetchSize = it }
            impersonatedUser = d.strOrNull("impersonatedUser")
            bookmarkManager = managerId?.let { b.bookmarkManagers[it] ?: throw BadRequestException("no bookmark manager $it") }
            auth = d.objOrNull("authorizationToken")?.let(Auth::toToken)
            notificationFilter = DriverHandlers.notificationFilter(d)
        }
        val id = b.newId()
        b.sessions[id] = SessionEntry(driverId, driver.session(config))
        b.send("Session", obj("id" to id))
    }

    private fun session(b: Backend, d: JsonObject): SessionEntry {
        val id = d.id("sessionId")
        return b.sessions[id] ?: throw BadRequestException("no session $id")
    }

    suspend fun close(b: Backend, d: JsonObject) {
        val id = d.id("sessionId")
        b.sessions[id]?.session?.close()
        b.sessions.remove(id)
        b.send("Session", obj("id" to id))
    }

    /** Query parameters under [key]: a map of tagged values, or null for none. */
    fun params(d: JsonObject, key: String): Map<String, Value> =
        d.objOrNull(key)?.mapValues { CypherJson.toValue(it.value) } ?: emptyMap()

    /** `txMeta` and `timeout` (milliseconds) of a request as a [TransactionConfig]. */
    fun txConfig(d: JsonObject): TransactionConfig = TransactionConfig(
        timeout = d.longOrNull("timeout")?.milliseconds,
        metadata = params(d, "txMeta"),
    )

    fun registerResult(b: Backend, result: Result) {
        val id = b.newId()
        b.results[id] = result
        b.send("Result", obj("id" to id, "keys" to result.keys))
    }

    suspend fun run(b: Backend, d: JsonObject) {
        val result = session(b, d).session.run(d.str("cypher"), params(d, "params"), txConfig(d))
        registerResult(b, result)
    }

    suspend fun begin(b: Backend, d: JsonObject) {
        val tx = session(b, d).session.beginTransaction(txConfig(d))
        val id = b.newId()
        b.transactions[id] = tx
        b.send("Transaction", obj("id" to id))
    }

    /**
     * A transaction function whose body is the frontend: each attempt announces the transaction with RetryableTry
     * and waits for RetryablePositive (return normally, so the driver commits) or RetryableNegative (throw the
     * driver error the frontend saw, or a frontend failure, so the driver decides whether to retry).
     */
    suspend fun managed(b: Backend, d: JsonObject, write: Boolean) {
        val entry = session(b, d)
        val work: suspend (TransactionContext) -> Unit = { tx ->
            val txId = b.newId()
            b.transactions[txId] = tx
            try {
                b.send("RetryableTry", obj("id" to txId))
                when (val outcome = entry.retries.receive()) {
                    RetryOutcome.Positive -> Unit
                    is RetryOutcome.Negative -> throw if (outcome.errorId.isEmpty()) {
                        FrontendFailure("the transaction function failed in the frontend")
                    } else {
                        b.errors[outcome.errorId] ?: FrontendFailure("the transaction function failed with unknown error ${outcome.errorId}")
                    }
                }
            } finally {
                b.transactions.remove(txId)
            }
        }
        if (write) entry.session.executeWrite(txConfig(d), work) else entry.session.executeRead(txConfig(d), work)
        b.send("RetryableDone")
    }

    fun lastBookmarks(b: Backend, d: JsonObject) {
        b.send("Bookmarks", obj("bookmarks" to session(b, d).session.lastBookmarks().map { it.value }))
    }

    private fun tx(b: Backend, d: JsonObject): TransactionContext {
        val id = d.id("txId")
        return b.transactions[id] ?: throw BadRequestException("no transaction $id")
    }

    private fun explicit(b: Backend, d: JsonObject): Transaction =
        tx(b, d) as? Transaction ?: throw BadRequestException("transaction ${d.id("txId")} belongs to a transaction function")

    suspend fun txRun(b: Backend, d: JsonObject) {
        registerResult(b, tx(b, d).run(d.str("cypher"), params(d, "params")))
    }

    suspend fun txCommit(b: Backend, d: JsonObject) {
        explicit(b, d).commit()
        b.send("Transaction", obj("id" to d.id("txId")))
    }

    suspend fun txRollback(b: Backend, d: JsonObject) {
        explicit(b, d).rollback()
        b.send("Transaction", obj("id" to d.id("txId")))
    }

    suspend fun txClose(b: Backend, d: JsonObject) {
        explicit(b, d).close()
        b.send("Transaction", obj("id" to d.id("txId")))
    }
}

package org.boltkt.client.session

import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.error.BoltException
import org.boltkt.client.observe.DriverEvents
import org.boltkt.client.observe.QueryFinished
import org.boltkt.client.observe.QueryOutcome
import org.boltkt.client.observe.QueryStarted
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/**
 * The listener's view of one query: [start] sends `queryStarted`, and whichever way the stream ends first (summary,
 * failure, cancellation or abandonment) sends the one `queryFinished`. Created only when a listener is set, so a
 * driver without one pays nothing here. Used by the one coroutine that owns the query.
 */
internal class QueryObservation private constructor(private val events: DriverEvents, private val started: QueryStarted) {
    private var finished = false

    /** [inner], telling this observation how the stream ended before passing each call on. */
    fun listener(inner: ResultCursor.Listener): ResultCursor.Listener = object : ResultCursor.Listener {
        override suspend fun onSummary(runMetadata: Map<String, Value>, pullMetadata: Map<String, Value>) {
            finish(QueryOutcome.SUCCESS, (pullMetadata["db"] as? StringValue)?.value, null)
            inner.onSummary(runMetadata, pullMetadata)
        }

        override suspend fun onFailure(error: Throwable, connectionUsable: Boolean) {
            finish(QueryOutcome.FAILURE, null, error)
            inner.onFailure(error, connectionUsable)
        }

        override suspend fun beforePull(cursor: ResultCursor) = inner.beforePull(cursor)
    }

    /** [inner], reporting a stream that stopped before its summary (no-op when the early stop discarded it cleanly). */
    fun owner(inner: ResultImpl.Owner): ResultImpl.Owner = object : ResultImpl.Owner {
        override suspend fun abandoned(cursor: ResultCursor) {
            try {
                inner.abandoned(cursor)
            } finally {
                cancelled()
            }
        }
    }

    /** The query was cancelled before its stream could start or end. */
    fun cancelled() = finish(QueryOutcome.CANCELLED, null, null)

    private fun finish(outcome: QueryOutcome, database: String?, error: Throwable?) {
        if (finished) return
        finished = true
        val duration = events.now() - started.startNanos
        val event = QueryFinished(started, outcome, database ?: started.database, (error as? BoltException)?.code, error, duration)
        events.emit("queryFinished") { queryFinished(event) }
    }

    companion object {
        /**
         * Tells the listener a query starts on [connection]; null (and nothing done) without a listener. [caller] is
         * what [DriverEvents.callerContext] captured when the query call began.
         */
        fun start(events: DriverEvents?, query: String, database: String?, connection: BoltConnection, inTransaction: Boolean, caller: Any?): QueryObservation? {
            if (events == null) return null
            val started = QueryStarted(query, database, connection.address, connection.server.connectionId, inTransaction, events.now(), caller)
            events.emit("queryStarted") { queryStarted(started) }
            return QueryObservation(events, started)
        }
    }
}

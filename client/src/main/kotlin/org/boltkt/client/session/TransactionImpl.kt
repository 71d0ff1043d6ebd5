package org.boltkt.client.session

import org.boltkt.client.value.QueryParameters
import kotlinx.coroutines.CancellationException
import org.boltkt.client.Result
import org.boltkt.client.Transaction
import org.boltkt.client.connection.ServerFailureException
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.error.TransactionClosedException
import org.boltkt.client.observe.DriverEvents
import org.boltkt.client.pool.ConnectionLease
import org.boltkt.client.summary.ResultSummary
import org.boltkt.protocol.message.Commit
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Rollback
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/**
 * An explicit or managed transaction on the [lease] it holds from BEGIN until it ends; [onEnd] ends the lease and
 * records the commit's bookmark.
 */
internal class TransactionImpl(
    private val lease: ConnectionLease,
    /** The PULL sizes of each new result. */
    private val pullSizes: () -> PullSizes,
    private val summaryOf: (ResultCursor, String, Map<String, Value>) -> ResultSummary,
    private val onEnd: suspend (bookmark: String?) -> Unit,
    /** The listener's events (null without a listener): a query call captures the caller's context through them. */
    private val events: DriverEvents? = null,
    /** Starts the listener's view of a query with the caller's context (null without a listener). */
    private val observe: ((query: String, caller: Any?) -> QueryObservation?)? = null,
) : Transaction, ResultImpl.Owner {
    private val connection = lease.connection

    private sealed interface State {
        data object Open : State
        data class Failed(val error: Throwable) : State
        data class Ended(val how: String) : State
    }

    private var state: State = State.Open
    // Results of this transaction that may still need the wire (several may be open side by side, read in any order).
    private val results = ArrayList<ResultImpl>()

    override val isOpen: Boolean get() = state == State.Open

    /** The agent the serving server announced (`Neo4j/5.26.0`, `Memgraph/...`), null when it sent none. */
    internal val serverAgent: String? get() = connection.server.agent

    /** Failed and its connection is gone: the server has already rolled it back, nothing is left to do on the wire. */
    internal val isBroken: Boolean get() = state is State.Failed && !connection.isOpen

    override suspend fun run(query: String, parameters: Map<String, Any?>): Result = run(query, SentParameters.of(parameters))

    override suspend fun run(query: String, parameters: QueryParameters): Result = run(query, SentParameters.of(parameters))

    private suspend fun run(query: String, parameters: SentParameters): Result {
        // Before the first suspension: the caller's thread may hold what a listener wants (e.g. a parent span).
        val caller = events?.callerContext()
        ensureUsable("run a query")
        // Earlier results stay readable: their in-flight answers are read into memory first (the connection answers
        // in order), and a stream the server cannot address by qid any more is read to its end.
        results.removeAll { !it.isOpen }
        results.forEach { it.detach(keepAddressable = true) }
        ensureUsable("run a query") // a drained answer may have failed the transaction
        parameters.prepare()
        val observed = observe?.invoke(query, caller)
        val cursor = ResultCursor(lease, pullSizes(), observed?.listener(listener) ?: listener)
        try {
            cursor.start(parameters.run(query))
        } catch (e: CancellationException) {
            observed?.cancelled()
            throw e
        }
        return ResultImpl(cursor, { summaryOf(it, query, parameters.forSummary) }, observed?.owner(this) ?: this).also { results += it }
    }

    private suspend fun consumeOpenResults(reason: String) {
        results.filter { it.isOpen }.forEach { it.consumeFor(reason) }
        results.clear()
    }

    override suspend fun commit() {
        ensureUsable("commit")
        consumeOpenResults("the transaction was committed")
        ensureUsable("commit")
        var bookmark: String? = null
        try {
            bookmark = (connection.request(Commit)["bookmark"] as? StringValue)?.value
            state = State.Ended("committed")
        } catch (e: CancellationException) {
            state = State.Ended("cancelled during commit")
            throw e
        } catch (e: Throwable) {
            val mapped = lease.fail(e, duringCommit = e !is ServerFailureException)
            state = State.Failed(mapped)
            throw mapped
        } finally {
            if (state !is State.Failed) onEnd(bookmark)
        }
    }

    override suspend fun rollback() {
        when (val s = state) {
            is State.Ended -> throw TransactionClosedException("cannot roll back: the transaction was already ${s.how}")
            is State.Failed -> { state = State.Ended("rolled back"); onEnd(null); return }
            State.Open -> Unit
        }
        try {
            consumeOpenResults("the transaction was rolled back")
            connection.enqueue(Rollback)
            connection.flush()
            connection.awaitSuccess(RequestKind.ROLLBACK, ignoredIsFine = true)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Throwable) {
            throw lease.fail(e)
        } finally {
            state = State.Ended("rolled back")
            onEnd(null)
        }
    }

    override suspend fun close() {
        if (state is State.Ended) return
        // Runs to completion even when cancelled; the server's refusal of the ROLLBACK is reported (as the official
        // drivers do), a lost connection is not: the server rolls back a transaction whose connection went away.
        var refused: BoltException? = null
        cleanup {
            try {
                rollback()
            } catch (e: BoltException) {
                if (e.code != null) refused = e
            }
        }
        refused?.let { throw it }
    }

    override suspend fun abandoned(cursor: ResultCursor) {
        val abandoned = cursor.stopEarly()
        if ((abandoned || !connection.isOpen) && state == State.Open) {
            state = State.Failed(ProtocolException("the connection broke while a result of this transaction was read"))
        }
    }

    private val listener = object : ResultCursor.Listener {
        override suspend fun onSummary(runMetadata: Map<String, Value>, pullMetadata: Map<String, Value>) = Unit
        override suspend fun onFailure(error: Throwable, connectionUsable: Boolean) {
            if (state == State.Open) state = State.Failed(error)
        }

        override suspend fun beforePull(cursor: ResultCursor) {
            results.forEach { if (!it.reads(cursor)) it.drain() }
            // The server answers IGNORED to anything after a failure: this stream fails the way the transaction did.
            (state as? State.Failed)?.let { throw it.error }
        }
    }

    private fun ensureUsable(action: String) {
        when (val s = state) {
            State.Open -> Unit
            is State.Failed -> throw TransactionClosedException("cannot $action: the transaction failed earlier and can only be rolled back", s.error)
            is State.Ended -> throw TransactionClosedException("cannot $action: the transaction was already ${s.how}")
        }
    }
}

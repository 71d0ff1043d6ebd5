package org.boltkt.client.session

import kotlinx.coroutines.CancellationException
import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.connection.ServerFailureException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.error.ResultConsumedException
import org.boltkt.client.pool.ConnectionLease
import org.boltkt.client.record.Record
import org.boltkt.client.record.RecordKeys
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.message.Discard
import org.boltkt.protocol.message.LAST_QUERY_ID
import org.boltkt.protocol.message.PULL_ALL
import org.boltkt.protocol.message.Pull
import org.boltkt.protocol.message.RecordDecoder
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.Run
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/**
 * Streams one query's records from a connection with PULL-n backpressure: RUN and the first PULL(n) go out in one
 * write; later PULLs are sent while the consumer reads, each asking for what [sizes] says (growing batches while
 * the reader keeps reading, with fetch-ahead). With [fetchAhead] (the default), a read of the wire that
 * brings the current batch's end (SUCCESS with `has_more`) behind records not yet taken sends the next PULL at once,
 * so the server produces the next batch while the consumer takes the rest of this one; without it, or when the end
 * arrives alone, the next PULL goes out when the consumer reaches the end. At most two PULLs are ever outstanding
 * (the batch being read and one ahead), and only the answers of the last socket read are decoded in memory beyond
 * the record being handed out (and one for [peek]).
 *
 * Not thread-safe; owned by one [ResultImpl]. Failures are already mapped to public exceptions when thrown.
 */
internal class ResultCursor(
    private val lease: ConnectionLease,
    private val sizes: PullSizes,
    private val listener: Listener,
) {
    private val connection: BoltConnection = lease.connection
    private val fetchAhead: Boolean = sizes.ahead

    /** Told once when the stream ends, successfully or not, so the owner can release the connection. */
    internal interface Listener {
        suspend fun onSummary(runMetadata: Map<String, Value>, pullMetadata: Map<String, Value>)
        suspend fun onFailure(error: Throwable, connectionUsable: Boolean)

        /**
         * Called before this cursor sends a PULL or DISCARD: the owner reads the answers other results of the same
         * transaction still have in flight (the connection answers in order) and throws when the transaction has
         * failed meanwhile (the server would only answer IGNORED).
         */
        suspend fun beforePull(cursor: ResultCursor) = Unit
    }

    lateinit var keys: RecordKeys
        private set
    var runMetadata: Map<String, Value> = emptyMap()
        private set
    var summaryMetadata: Map<String, Value>? = null
        private set
    var failure: Throwable? = null
        private set

    private var qid: Long = LAST_QUERY_ID
    // PULLs (or a DISCARD) sent whose final answer was not read yet: 0, 1, or 2 while a fetch-ahead PULL is out.
    private var pullsInFlight = 0
    private var hasMore = true
    // Rows are Records, or (once the result is read typed, see readTyped) rows decoded from the RECORD bytes.
    private var lookahead: Any? = null
    private var consumedReason: String? = null

    // Records received for this result while another exchange needed the connection (a later query of the same
    // transaction or session); handed out before anything is read from the wire.
    private val buffer = ArrayDeque<Any>()

    // Set once the result is read typed: installed on the connection around this cursor's reads, so RECORDs read
    // from then on are decoded straight from their bytes. Records already decoded as values stay Records.
    private var rowDecoder: RecordDecoder? = null

    // False once a later query ran in the same transaction: PULL/DISCARD then name this stream's qid. The latest
    // stream is addressed implicitly (qid -1 is the default and not sent).
    private var latest = true
    private val streamId: Long get() = if (latest) LAST_QUERY_ID else qid

    val isDone: Boolean get() = summaryMetadata != null || failure != null

    /** Whether records were (or, after a DISCARD, may have been) produced; the summary derives GQL statuses from it. */
    var mayHaveHadRecords: Boolean = false
        private set

    /**
     * Sends RUN + PULL(the first size), preceded by [telemetry]'s TELEMETRY when owed, and waits for RUN's answer; a
     * failed RUN throws (after its PULL was IGNORED).
     */
    suspend fun start(run: Run, telemetry: ApiTelemetry? = null) {
        guard {
            val telemetryQueued = telemetry?.enqueueIfOwed(connection) == true
            connection.enqueue(run)
            connection.enqueue(Pull(sizes.first))
            batchAsked(sizes.first)
            connection.flush()
            if (telemetryQueued) telemetry!!.awaitAnswer(connection)
            val metadata = try {
                connection.awaitSuccess(RequestKind.RUN)
            } catch (failure: ServerFailureException) {
                // The pipelined PULL is answered IGNORED, unless the server hung up after its FAILURE: the
                // FAILURE is still what the caller must see (the connection is broken and will be closed).
                try {
                    connection.receive()
                } catch (e: CancellationException) {
                    throw e
                } catch (e: Exception) {
                    failure.addSuppressed(e)
                }
                throw failure
            }
            runMetadata = metadata
            keys = RecordKeys.of((metadata["fields"] as? ListValue)?.values.orEmpty().map { (it as? StringValue)?.value ?: "" })
            (metadata["qid"] as? IntegerValue)?.let { qid = it.value }
            pullsInFlight = 1
        }
    }

    /** The next record, or null at the end. Throws the query's error (once it is known) on every later call too. */
    suspend fun next(): Record? {
        val ready = nextIfReady()
        if (ready != null) return ready
        @Suppress("UNCHECKED_CAST")
        return fetch() as Record? // tail call: no coroutine frame is allocated for next() itself
    }

    /** The next record without consuming it. */
    suspend fun peek(): Record? = peekIfReady() ?: (fetch() as Record?)?.also { lookahead = it }

    /**
     * From now on reads decode RECORDs with [decoder] straight from their bytes (typed results). Records already in
     * memory stay [Record]s and are handed out as such by [nextRow]; [next] and [peek] refuse once rows may be typed.
     */
    fun readTyped(decoder: RecordDecoder) {
        rowDecoder = decoder
    }

    /** The next row (a [Record], or what the typed decoder returned), or null at the end. */
    suspend fun nextRow(): Any? {
        val ready = nextRowIfReady()
        if (ready != null) return ready
        return fetch()
    }

    /** Like [nextIfReady] for rows of either form. */
    fun nextRowIfReady(): Any? {
        lookahead?.let { lookahead = null; return it }
        buffer.removeFirstOrNull()?.let { return it }
        return bufferedRow()
    }

    /** The next row without consuming it, or null at the end. */
    suspend fun peekRow(): Any? = lookahead ?: nextRowIfReady()?.also { lookahead = it } ?: fetch()?.also { lookahead = it }

    private fun refuseRecordsWhenTyped() {
        if (rowDecoder != null) {
            throw ClientException("this result is being read as typed rows; read it either as Records or as one type, not both")
        }
    }

    /**
     * The next record when it is already in memory (the peeked one, one buffered for this result, or one the
     * connection already decoded), without suspending; null whenever only [next] can tell (end, summary, failure,
     * a batch still to be read or asked for). Never sends or reads anything.
     */
    fun nextIfReady(): Record? {
        refuseRecordsWhenTyped()
        lookahead?.let { lookahead = null; return it as Record }
        buffer.removeFirstOrNull()?.let { return it as Record }
        return bufferedRow() as Record?
    }

    /** Like [nextIfReady], without consuming the record: it stays the next one [next] hands out. */
    fun peekIfReady(): Record? = (lookahead ?: nextIfReady()?.also { lookahead = it }) as Record?

    /** True when the server can still be asked for more of this stream after a later query ran (it named a qid). */
    val addressable: Boolean get() = qid != LAST_QUERY_ID

    /** A later query ran in the same transaction: from now on this stream is addressed by its qid. */
    fun superseded() {
        latest = false
    }

    /**
     * Reads the answers of this result's PULL in flight, if any, into memory so another exchange can use the
     * connection. A failure is kept for the reader of this result (and reported to the listener), not thrown.
     */
    suspend fun drainInFlight() {
        if (pullsInFlight == 0 || isDone || consumedReason != null) return
        try {
            guard {
                deferredError?.let { deferredError = null; throw it }
                while (pullsInFlight > 0) receiveInto(buffer)
            }
        } catch (e: CancellationException) {
            throw e
        } catch (_: Throwable) {
            // remembered by guard(): the reader of this result gets it after the records buffered before it
        }
    }

    /**
     * Reads every remaining record into memory (the in-flight batch, then PULL all), so the connection is free for
     * a later query while this result stays readable, as the official drivers buffer a session's previous result.
     * A failure is kept for the reader, not thrown.
     */
    suspend fun bufferAll() {
        drainInFlight()
        while (!isDone && consumedReason == null && hasMore) {
            try {
                guard { sendPull(PULL_ALL) }
            } catch (e: CancellationException) {
                throw e
            } catch (_: Throwable) {
                return
            }
            drainInFlight()
        }
    }

    /** Reads one answer of the PULL in flight; records go to [into], null drops them (a DISCARD's drain). */
    private suspend fun receiveInto(into: ArrayDeque<Any>?) {
        when (val answer = if (into == null || rowDecoder == null) connection.receive() else receiveTyped()) {
            is Response.Record -> {
                mayHaveHadRecords = true
                into?.addLast(recordOf(answer))
            }
            is Response.DecodedRecord -> {
                mayHaveHadRecords = true
                into?.addLast(rowOf(answer))
            }
            is Response.Success -> batchEnded(answer.metadata)
            is Response.Failure -> throw ServerFailureException(answer, connection.address)
            Response.Ignored -> throw ProtocolException("PULL was IGNORED by ${connection.address}; the connection was closed")
        }
    }

    /** The SUCCESS of the oldest PULL (or DISCARD) in flight: the stream ends, or the next PULL's batch begins. */
    private suspend fun batchEnded(metadata: Map<String, Value>) {
        pullsInFlight--
        hasMore = metadata["has_more"] == BooleanValue.TRUE
        if (!hasMore) {
            complete(metadata)
        } else if (pullsInFlight > 0) {
            batchLimit = nextBatchLimit
            batchReceived = 0
        }
    }

    /**
     * A record the connection already decoded, handed out without suspending (see [BoltConnection.receiveBufferedRecord]);
     * null whenever [fetch] has to decide (end of batch, summary, failure, nothing buffered). A failure here is kept
     * for [fetch] to map and report, so both paths fail the same way.
     */
    private fun bufferedRow(): Any? {
        if (pullsInFlight == 0 || consumedReason != null || failure != null || summaryMetadata != null || deferredError != null) return null
        val row = try {
            when (val answer = connection.receiveBufferedRecord()) {
                null -> null
                is Response.Record -> recordOf(answer)
                is Response.DecodedRecord -> rowOf(answer)
                else -> null
            }
        } catch (t: Throwable) {
            deferredError = t
            null
        } ?: return null
        mayHaveHadRecords = true
        return row
    }

    /**
     * The next answer, RECORDs read from the transport meanwhile decoded by the typed decoder. It is installed only around this cursor's own reads: the answers read then belong to this cursor's PULL
     * (another result's answers are always drained before this one pulls) or are its summary.
     */
    private suspend fun receiveTyped(): Response {
        connection.recordDecoder = rowDecoder
        try {
            return connection.receive()
        } finally {
            connection.recordDecoder = null
        }
    }

    private var deferredError: Throwable? = null

    // Records the oldest PULL in flight asked for (PULL_ALL: no limit) and how many of them arrived; the size of the
    // fetch-ahead PULL behind it, which counts from that PULL's first record on.
    private var batchLimit = PULL_ALL
    private var batchReceived = 0L
    private var nextBatchLimit = PULL_ALL

    /** A PULL of [n] records goes out; before Bolt 4 every PULL is PULL_ALL, whatever n says. */
    private fun batchAsked(n: Long) {
        val limit = if (connection.capabilities.pullN) n else PULL_ALL
        if (pullsInFlight == 0) {
            batchLimit = limit
            batchReceived = 0
        } else {
            nextBatchLimit = limit
        }
    }

    private suspend fun sendPull(n: Long) {
        connection.enqueue(Pull(n, streamId))
        batchAsked(n)
        connection.flush()
        pullsInFlight++
    }

    /**
     * Fetch-ahead: the read that just brought records also brought the end of their batch with more to come, so
     * the next PULL goes out now, while the consumer still takes those records (see the class). Only ever one ahead.
     */
    private suspend fun pullAheadIfBatchEnded() {
        if (!fetchAhead || pullsInFlight != 1 || consumedReason != null || !connection.bufferedBatchEndHasMore()) return
        listener.beforePull(this)
        sendPull(sizes.next())
    }

    /** One more RECORD of the PULL in flight, as a [Record] or a typed row; one beyond what it asked for breaks the stream. */
    private fun counted() {
        if (batchLimit != PULL_ALL && ++batchReceived > batchLimit) {
            connection.close()
            throw BoltProtocolException("the server sent more RECORDs than the $batchLimit the PULL asked for")
        }
    }

    /** A typed row decoded from a RECORD's bytes, counted like [recordOf] counts a [Record]. */
    private fun rowOf(answer: Response.DecodedRecord): Any {
        counted()
        return answer.row
    }

    /**
     * A RECORD as a [Record]; one with a field count other than the result's keys, or one more than the PULL in
     * flight asked for (memory a result buffers must follow what the driver asked for), breaks the stream.
     */
    private fun recordOf(answer: Response.Record): Record {
        counted()
        if (answer.fields.size != keys.size) {
            connection.close()
            throw BoltProtocolException("a RECORD of ${answer.fields.size} fields answered a result of ${keys.size} keys ${keys.names}")
        }
        return Record(keys, answer.fields)
    }

    /**
     * The caller wants every remaining record ([ResultImpl.list]): PULLs not yet sent ask for all of them at once,
     * saving a round trip per batch. A PULL already in flight keeps its size.
     */
    fun pullRemainingAtOnce() {
        sizes.all()
    }

    private suspend fun fetch(): Any? {
        consumedReason?.let { throw ResultConsumedException(it) }
        failure?.let { throw it }
        if (summaryMetadata != null) return null
        return guard {
            deferredError?.let { deferredError = null; throw it }
            while (true) {
                if (pullsInFlight == 0) {
                    listener.beforePull(this)
                    sendPull(sizes.next())
                }
                when (val answer = if (rowDecoder == null) connection.receive() else receiveTyped()) {
                    is Response.Record -> {
                        mayHaveHadRecords = true
                        val record = recordOf(answer)
                        pullAheadIfBatchEnded()
                        return@guard record
                    }
                    is Response.DecodedRecord -> {
                        mayHaveHadRecords = true
                        val row = rowOf(answer)
                        pullAheadIfBatchEnded()
                        return@guard row
                    }
                    is Response.Success -> {
                        batchEnded(answer.metadata)
                        if (!hasMore) return@guard null
                    }
                    is Response.Failure -> throw ServerFailureException(answer, connection.address)
                    Response.Ignored -> throw ProtocolException("PULL was IGNORED by ${connection.address}; the connection was closed")
                }
            }
            @Suppress("UNREACHABLE_CODE")
            null
        }
    }

    /**
     * Discards whatever was not read (the rest of the in-flight batches, a fetch-ahead one included, is drained, then
     * one DISCARD ends the stream unless the drained answers already ended it) and returns the summary metadata.
     * [reason] is what later reads of the records will say.
     */
    suspend fun consume(reason: String): Map<String, Value> {
        buffer.clear()
        summaryMetadata?.let { markConsumed(reason); return it }
        failure?.let { throw it }
        val metadata = guard {
            lookahead = null
            while (summaryMetadata == null) {
                if (pullsInFlight > 0) {
                    receiveInto(null)
                } else {
                    listener.beforePull(this)
                    mayHaveHadRecords = true
                    connection.enqueue(Discard(PULL_ALL, streamId))
                    connection.flush()
                    pullsInFlight = 1
                }
            }
            summaryMetadata!!
        }
        markConsumed(reason)
        return metadata
    }

    /**
     * Runs a wire exchange; any failure but cancellation is mapped to a public exception once, remembered (later
     * calls rethrow it) and reported to the listener. Cancellation propagates as is: the connection broke with it.
     */
    private suspend inline fun <T> guard(block: () -> T): T =
        try {
            block()
        } catch (e: CancellationException) {
            throw e
        } catch (e: Throwable) {
            val mapped = lease.fail(e)
            fail(mapped)
            throw mapped
        }

    /** True once the stream was consumed, discarded or abandoned: its records can no longer be read. */
    val isConsumed: Boolean get() = consumedReason != null

    /**
     * The reader stopped before the end: discards the rest (bounded, even if the caller is cancelled) while the
     * connection can still be read, and abandons the stream when that is impossible or did not finish. Returns true
     * when it had to abandon: the listener was then not told, so the owner must give the connection back itself.
     */
    suspend fun stopEarly(): Boolean {
        if (connection.isOpen) cleanup { consume("the result was abandoned before its end") }
        if (isDone) return false
        abandon("the result was abandoned before its end (its reader was cancelled); the connection was closed")
        return true
    }

    /**
     * The reader stopped mid-exchange and the connection can no longer be read (it broke with the cancellation, or
     * cleanup could not finish): ends the stream without any further wire activity, so the owner can give the
     * connection back exactly once and later reads fail with [ResultConsumedException] saying [reason] instead of
     * touching a connection that went back to the pool. The listener is not told; the owner releases. No-op once
     * the stream ended.
     */
    fun abandon(reason: String) {
        if (isDone) return
        lookahead = null
        failure = ResultConsumedException(reason)
        markConsumed(reason)
    }

    private fun markConsumed(reason: String) {
        if (consumedReason == null) consumedReason = reason
    }

    private suspend fun complete(metadata: Map<String, Value>) {
        summaryMetadata = metadata
        listener.onSummary(runMetadata, metadata)
    }

    private suspend fun fail(error: Throwable) {
        if (failure != null) return
        failure = error
        listener.onFailure(error, connectionUsable = connection.isOpen)
    }
}

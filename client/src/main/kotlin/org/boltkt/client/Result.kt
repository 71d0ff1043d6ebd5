package org.boltkt.client

import kotlinx.coroutines.flow.Flow
import org.boltkt.client.record.Record
import org.boltkt.client.summary.ResultSummary

/**
 * The outcome of one query: its column [keys], a one-shot stream of [Record]s and, once the stream ended, a
 * [ResultSummary].
 *
 * **Streaming.** Records are pulled from the server in batches of the session's fetch size, only as they are
 * asked for ([next], or collecting [records]); a result is never buffered whole unless [list] is called.
 *
 * **One shot.** Records can be read once, by one of [records], [next], [list], [single]. After [consume] (or a later
 * `run` in the same session or transaction, which consumes this result first) reading records throws
 * [org.boltkt.client.error.ResultConsumedException]. A result of a transaction cannot be read after the transaction
 * closed.
 *
 * **Threading and cancellation.** Not thread-safe: use from one coroutine at a time. Cancelling a coroutine while
 * it reads closes the underlying connection (its stream position is lost); the pool replaces it.
 *
 * **Errors.** Query failures surface as [org.boltkt.client.error.BoltException]s, from the call that meets them and
 * again from any later read.
 */
public interface Result {
    /** Column names, in order. Available as soon as `run` returned. */
    public val keys: List<String>

    /** True until every record was read or the result was consumed or failed. */
    public val isOpen: Boolean

    /**
     * The records as a cold [Flow]: nothing is pulled until it is collected, then records arrive with PULL-n
     * backpressure. Collect it once; a second collection throws [org.boltkt.client.error.ResultConsumedException].
     * Stopping early (`take`, `first`, cancellation) discards the rest of the result.
     */
    public fun records(): Flow<Record>

    /** The next record, or null when there are no more. */
    public suspend fun next(): Record?

    /** The next record without consuming it, or null when there are no more. */
    public suspend fun peek(): Record?

    /**
     * The next record if it is already in memory (received and decoded with an earlier read), handed out without
     * suspending; null when it is not, which does **not** mean the end: then only [next] can tell (it waits for the
     * next batch, the summary or the error). Never touches the network, never throws: an ended, consumed or failed
     * result answers null and [next] reports it. For callers outside coroutines (the Java blocking facade) that
     * want to wait only when there is something to wait for. Not thread-safe, like every read of this result.
     */
    public fun nextIfReady(): Record?

    /** Like [nextIfReady] without consuming the record: a later [next], [peek] or [nextIfReady] returns it again. */
    public fun peekIfReady(): Record?

    /**
     * Exactly one record; throws [org.boltkt.client.error.ResultNotSingleException] for none or more than one (the
     * rest is discarded).
     */
    public suspend fun single(): Record

    /** The only record, or null when there is none; more than one throws [org.boltkt.client.error.ResultNotSingleException]. */
    public suspend fun singleOrNull(): Record?

    /**
     * Every remaining record, buffered in memory. The fetch size then no longer applies: the next PULL asks the
     * server for all remaining records at once (the official drivers' "fetch all" for lists).
     */
    public suspend fun list(): List<Record>

    /** Discards the remaining records and returns the summary. Can be called repeatedly. */
    public suspend fun consume(): ResultSummary
}

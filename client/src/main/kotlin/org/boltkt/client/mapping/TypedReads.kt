package org.boltkt.client.mapping

import kotlinx.coroutines.flow.Flow
import kotlinx.serialization.DeserializationStrategy

/**
 * What a result offers typed reads beyond its public API: rows decoded with one [RowDecoder] per result and
 * deserializer (the plan built once), straight from the RECORD bytes where the result can. Implemented by the
 * session's results; the public extension functions fall back to mapping [org.boltkt.client.record.Record]s for
 * any other [org.boltkt.client.Result]. Not thread-safe, like the result.
 */
internal interface TypedReads {
    /** The rows as a one-shot flow with the same backpressure, early-stop and cancellation rules as `records()`. */
    fun <T> typedRecords(deserializer: DeserializationStrategy<T>): Flow<T>

    /** The next row, or [END]. */
    suspend fun nextRow(deserializer: DeserializationStrategy<*>): Any?

    /** The next row if it is already in memory, or [NOT_READY] (which does not mean the end). Never suspends. */
    fun nextRowIfReady(deserializer: DeserializationStrategy<*>): Any?

    /** Whether another row follows (reads ahead without decoding it). */
    suspend fun hasNextRow(): Boolean

    /** Every remaining row: later PULLs ask for all of them at once. */
    fun pullRemainingAtOnce()

    companion object {
        /** No more rows. */
        val END: Any = Any()

        /** No row in memory right now. */
        val NOT_READY: Any = Any()
    }
}

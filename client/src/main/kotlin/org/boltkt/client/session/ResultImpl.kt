package org.boltkt.client.session

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import org.boltkt.client.Result
import org.boltkt.client.error.ResultConsumedException
import org.boltkt.client.error.ResultNotSingleException
import org.boltkt.client.mapping.RowDecoder
import org.boltkt.client.mapping.TypedReads
import kotlinx.serialization.DeserializationStrategy
import org.boltkt.client.record.Record
import org.boltkt.client.summary.ResultSummary

/**
 * A [Result] over a [ResultCursor]. [owner] is told when the stream stops early (consumer gone or cancelled), so the
 * connection is cleaned up at once rather than at the session's next call.
 */
internal class ResultImpl(
    private val cursor: ResultCursor,
    private val summaryOf: (ResultCursor) -> ResultSummary,
    private val owner: Owner,
) : Result, TypedReads {
    /** The session or transaction that owns the connection this result reads from. */
    internal interface Owner {
        /** The stream stopped before its end; discard the rest (or close the connection if it is broken). */
        suspend fun abandoned(cursor: ResultCursor)
    }

    private var recordsCollected = false

    override val keys: List<String> get() = cursor.keys.names

    override val isOpen: Boolean get() = !cursor.isDone && !cursor.isConsumed

    override fun records(): Flow<Record> = flow {
        if (recordsCollected) throw ResultConsumedException("records() of this result was already collected; a result can be read once")
        recordsCollected = true
        var finished = false
        try {
            while (true) {
                val record = reading { cursor.next() } ?: break
                emit(record)
            }
            finished = true
        } finally {
            if (!finished && !cursor.isDone) owner.abandoned(cursor)
        }
    }

    override suspend fun next(): Record? = reading { cursor.next() }

    // Typed reads (org.boltkt.client.mapping): one RowDecoder per deserializer, so the plan is built once.
    private var rowDecoder: RowDecoder<*>? = null

    private fun decoderFor(deserializer: DeserializationStrategy<*>): RowDecoder<*> {
        val current = rowDecoder
        if (current != null && (current.deserializer === deserializer || current.deserializer.descriptor == deserializer.descriptor)) return current
        return RowDecoder(deserializer, keys).also { rowDecoder = it }
    }

    override fun <T> typedRecords(deserializer: DeserializationStrategy<T>): Flow<T> = flow {
        if (recordsCollected) throw ResultConsumedException("records() of this result was already collected; a result can be read once")
        recordsCollected = true
        var finished = false
        try {
            while (true) {
                val row = nextRow(deserializer)
                if (row === TypedReads.END) break
                @Suppress("UNCHECKED_CAST")
                emit(row as T)
            }
            finished = true
        } finally {
            if (!finished && !cursor.isDone) owner.abandoned(cursor)
        }
    }

    override suspend fun nextRow(deserializer: DeserializationStrategy<*>): Any? {
        val record = next() ?: return TypedReads.END
        return decoderFor(deserializer).decode(record)
    }

    override fun nextRowIfReady(deserializer: DeserializationStrategy<*>): Any? {
        val record = nextIfReady() ?: return TypedReads.NOT_READY
        return decoderFor(deserializer).decode(record)
    }

    override suspend fun hasNextRow(): Boolean = peek() != null

    override suspend fun peek(): Record? = reading { cursor.peek() }

    override fun nextIfReady(): Record? = cursor.nextIfReady()

    override fun peekIfReady(): Record? = cursor.peekIfReady()

    override suspend fun single(): Record =
        singleOrNull() ?: throw ResultNotSingleException(
            "expected exactly one record but the result is empty",
            ResultNotSingleException.Reason.NO_RECORDS,
        )

    override suspend fun singleOrNull(): Record? {
        val first = next() ?: return null
        if (peek() != null) {
            consume()
            throw ResultNotSingleException(
                "expected exactly one record but the result has more; the rest was discarded",
                ResultNotSingleException.Reason.TOO_MANY_RECORDS,
            )
        }
        return first
    }

    override fun pullRemainingAtOnce() {
        cursor.pullRemainingAtOnce()
    }

    override suspend fun list(): List<Record> {
        cursor.pullRemainingAtOnce()
        val all = ArrayList<Record>()
        while (true) all += next() ?: return all
    }

    override suspend fun consume(): ResultSummary {
        reading { cursor.consume("the result was consumed; read records before consume()") }
        return summaryOf(cursor)
    }

    /** True when this result reads [cursor]. */
    internal fun reads(cursor: ResultCursor): Boolean = this.cursor === cursor

    /**
     * Frees the connection for another exchange while this result stays readable: its in-flight answers go to
     * memory; with [keepAddressable] a stream the server can address by qid keeps the rest on the server (a
     * transaction), any other stream is read to its end (a session's previous auto-commit result).
     */
    internal suspend fun detach(keepAddressable: Boolean) {
        reading {
            if (keepAddressable && cursor.addressable) cursor.drainInFlight() else cursor.bufferAll()
            cursor.superseded()
        }
    }

    /** Reads this result's in-flight answers into memory, so another result of the transaction can use the wire. */
    internal suspend fun drain() {
        reading { cursor.drainInFlight() }
    }

    /** Consumes on behalf of a closing owner; later reads of records say [reason]. */
    internal suspend fun consumeFor(reason: String) {
        reading { cursor.consume(reason) }
    }

    private suspend inline fun <T> reading(block: () -> T): T =
        try {
            block()
        } catch (e: CancellationException) {
            // The read was interrupted mid-exchange: the connection is broken; let the owner return it.
            owner.abandoned(cursor)
            throw e
        }
}

package org.boltkt.javainterop

import org.boltkt.client.mapping.records
import org.boltkt.client.mapping.single
import org.boltkt.client.mapping.nextIfReady
import org.boltkt.client.mapping.next
import org.boltkt.client.mapping.list
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.jdk9.asPublisher
import org.boltkt.client.EagerResult
import org.boltkt.client.Result
import org.boltkt.client.summary.ResultSummary
import java.util.concurrent.CompletableFuture
import java.util.concurrent.Flow
import java.util.function.Consumer

/**
 * The Java view of a [Result]: the records of one query, read through futures or a [Flow.Publisher].
 *
 * **Threading.** Not thread-safe, like [Result]: start the next read only after the previous future completed
 * (chain with `thenCompose`). Futures that wait complete on the driver's executor (see
 * [JavaDriverConfig.Builder.withExecutor]); [nextAsync]/[peekAsync] of a record already received return a completed
 * future. Do not block in non-async callbacks.
 *
 * **Errors.** A failing read completes its future exceptionally with the driver's public exception
 * ([org.boltkt.client.error.BoltException] subclasses, e.g. [org.boltkt.client.error.ResultNotSingleException]),
 * unwrapped: `exceptionally`/`handle`/`whenComplete` on the returned future see it directly. `get()` throws
 * `ExecutionException` and `join()` `CompletionException` with it as the cause, and stages derived with
 * `thenApply` & co. see it wrapped in a `CompletionException` (standard `CompletableFuture` behaviour).
 *
 * **Cancellation.** Cancelling a returned future cancels the read: the Kotlin core then takes its cancellation
 * path (the connection is cleaned up and returned or replaced; the rest of the result is lost).
 */
public class AsyncResultCursor internal constructor(
    /** The Kotlin result behind this cursor. */
    public val result: Result,
    private val ops: SerialFutures,
) {
    /** Column names, in order; known as soon as the query was accepted. Never blocks. */
    public fun keys(): List<String> = result.keys

    /** True until every record was read or the result was consumed or failed. */
    public fun isOpen(): Boolean = result.isOpen

    /**
     * The next record, or null (as the future's value) when there are no more. A record already received comes in
     * a future completed at once (stages chained to it without `Async` then run on the calling thread); only the
     * next batch, the end or an error is waited for on the driver's executor.
     */
    public fun nextAsync(): CompletableFuture<JavaRecord?> =
        readyRecord { result.nextIfReady() }?.let { CompletableFuture.completedFuture(JavaRecord(it)) }
            ?: ops.launch { result.next()?.let(::JavaRecord) }

    /** The next record without consuming it, or null when there are no more. Completes at once like [nextAsync]. */
    public fun peekAsync(): CompletableFuture<JavaRecord?> =
        readyRecord { result.peekIfReady() }?.let { CompletableFuture.completedFuture(JavaRecord(it)) }
            ?: ops.launch { result.peek()?.let(::JavaRecord) }

    /** Exactly one record; fails with [org.boltkt.client.error.ResultNotSingleException] for none or more than one. */
    public fun singleAsync(): CompletableFuture<JavaRecord> = ops.launch { JavaRecord(result.single()) }

    /** The only record or null; fails with [org.boltkt.client.error.ResultNotSingleException] for more than one. */
    public fun singleOrNullAsync(): CompletableFuture<JavaRecord?> = ops.launch { result.singleOrNull()?.let(::JavaRecord) }

    /** Every remaining record, buffered in memory. */
    public fun listAsync(): CompletableFuture<List<JavaRecord>> = ops.launch { result.list().map(::JavaRecord) }

    /**
     * The next row mapped into [type] (see [JavaSerializers]), or null at the end; a row already received comes in
     * a completed future, decoded on the calling thread. A row that does not fit fails the future with
     * [org.boltkt.client.error.ResultMappingException]; the cursor stays usable.
     */
    public fun <T : Any> nextAsync(type: Class<T>): CompletableFuture<T?> {
        val s = JavaSerializers.of(type)
        return (if (ops.idle) result.nextIfReady(s) else null)?.let { CompletableFuture.completedFuture<T?>(it) } ?: ops.launch { result.next(s) }
    }

    /** Exactly one row mapped into [type]; fails with [org.boltkt.client.error.ResultNotSingleException] for none or more. */
    public fun <T : Any> singleAsync(type: Class<T>): CompletableFuture<T> {
        val s = JavaSerializers.of(type)
        return ops.launch { result.single(s) }
    }

    /** Every remaining row mapped into [type] (decoded straight from the bytes), buffered in memory. */
    public fun <T : Any> listAsync(type: Class<T>): CompletableFuture<List<T>> {
        val s = JavaSerializers.of(type)
        return ops.launch { result.list(s) }
    }

    /**
     * The rows mapped into [type] as a cold [Flow.Publisher], with the demand, cancellation and error rules of
     * [records]; a row that does not fit ends the stream with [org.boltkt.client.error.ResultMappingException] in
     * `onError` (the rest of the result is discarded).
     */
    public fun <T : Any> records(type: Class<T>): Flow.Publisher<T> =
        result.records(JavaSerializers.of(type)).asPublisher(ops.scope.coroutineContext.minusKey(kotlinx.coroutines.Job))

    /** Discards the remaining records and returns the summary. */
    public fun consumeAsync(): CompletableFuture<ResultSummary> = ops.launch { result.consume() }

    /**
     * Hands every remaining record to [action] (on the driver's executor, one at a time, in order), then completes
     * with the summary. An exception thrown by [action] stops the stream (the rest is discarded) and completes the
     * future exceptionally with that exception.
     */
    public fun forEachAsync(action: Consumer<JavaRecord>): CompletableFuture<ResultSummary> = ops.launch {
        // A next() loop rather than collecting records(): same streaming, and a cancellation mid-read takes exactly
        // one cleanup path in the core (see the report on Result.records() cancellation).
        while (true) {
            val record = result.next() ?: break
            action.accept(JavaRecord(record))
        }
        result.consume()
    }

    /**
     * The records as a cold [Flow.Publisher] for one subscriber, honouring its demand: records are pulled from the
     * server in batches of the fetch size only while there is outstanding demand, and `onNext` is never called
     * beyond what was requested. Cancelling the subscription discards the rest of the result and frees the
     * connection. Errors arrive in `onError` as the driver's public exceptions. A second subscription (or reading
     * the cursor otherwise as well) fails with [org.boltkt.client.error.ResultConsumedException].
     * Signals are delivered on the driver's executor.
     */
    public fun records(): Flow.Publisher<JavaRecord> =
        result.records().map(::JavaRecord).asPublisher(ops.scope.coroutineContext.minusKey(kotlinx.coroutines.Job))

    /** A record already in memory, unless an earlier operation (a cancelled read's clean-up) still uses the result. */
    private inline fun readyRecord(read: () -> org.boltkt.client.record.Record?): org.boltkt.client.record.Record? =
        if (ops.idle) read() else null
}

/** All records of an executeQuery call, read eagerly: the Java view of [EagerResult]. Immutable. */
public class JavaEagerResult(
    /** The Kotlin result. */
    public val eagerResult: EagerResult,
) {
    /** Column names, in order. */
    public val keys: List<String> get() = eagerResult.keys

    /** The records. */
    public val records: List<JavaRecord> = eagerResult.records.map(::JavaRecord)

    /** The summary. */
    public val summary: ResultSummary get() = eagerResult.summary

    override fun toString(): String = "JavaEagerResult(keys=$keys, records=${records.size})"
}

/** Java accessors for the parts of [ResultSummary] typed with Kotlin-only types. Pure; thread-safe. */
public object JavaSummaries {
    /** [ResultSummary.resultAvailableAfter] as a `java.time.Duration`, or null when the server did not say. */
    @JvmStatic
    public fun resultAvailableAfter(summary: ResultSummary): java.time.Duration? = summary.resultAvailableAfter?.toJava()

    /** [ResultSummary.resultConsumedAfter] as a `java.time.Duration`, or null when the server did not say. */
    @JvmStatic
    public fun resultConsumedAfter(summary: ResultSummary): java.time.Duration? = summary.resultConsumedAfter?.toJava()
}

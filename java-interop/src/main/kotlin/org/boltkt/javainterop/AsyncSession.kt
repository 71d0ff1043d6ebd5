package org.boltkt.javainterop

import org.boltkt.client.value.QueryParameters
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.future.await
import kotlinx.coroutines.supervisorScope
import org.boltkt.client.Session
import org.boltkt.client.Transaction
import org.boltkt.client.TransactionContext
import org.boltkt.client.bookmark.Bookmark
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.function.Function

/**
 * The Java asynchronous view of a [Session]: every operation returns a [CompletableFuture] backed by a coroutine
 * running the Kotlin operation.
 *
 * **Threading.** Not thread-safe, like [Session]: one operation at a time — start the next one when the previous
 * future completed (`thenCompose`). Futures complete on the driver's executor.
 *
 * **Errors.** Futures complete exceptionally with the driver's public exceptions
 * ([org.boltkt.client.error.BoltException] subclasses), unwrapped for `exceptionally`/`handle`/`whenComplete`
 * on the returned future; `get()`/`join()` and derived stages wrap them (see [AsyncResultCursor]).
 *
 * **Cancellation.** Cancelling a returned future cancels its coroutine, exactly like cancelling a Kotlin caller:
 * the connection is cleaned up (or closed and replaced) and returned to the pool.
 *
 * Close it with [closeAsync] when done.
 */
public class AsyncSession internal constructor(
    /** The Kotlin session behind this view. */
    public val session: Session,
    scope: CoroutineScope,
) {
    // Every future of this session, its transactions and cursors runs after the one before ended (see SerialFutures).
    private val ops = SerialFutures(scope)

    /** The settings this session was opened with. */
    public fun getConfig(): JavaSessionConfig = JavaSessionConfig.of(session.config)

    /**
     * Runs [query] in an auto-commit transaction; the future completes once the server accepted it, with a cursor
     * to read the records from. [parameters] values are converted like Kotlin parameters (String, Long, Map, List,
     * java.time, …).
     */
    @JvmOverloads
    public fun runAsync(
        query: String,
        parameters: Map<String, Any?> = emptyMap(),
        config: JavaTransactionConfig = JavaTransactionConfig.defaults(),
    ): CompletableFuture<AsyncResultCursor> =
        ops.launch { AsyncResultCursor(session.run(query, parameters, config.kotlinConfig), ops) }

    /**
     * Like [runAsync] with a map, with [parameters] built from objects ([JavaParameters.of] for a record, a mapped
     * class or a map; [JavaParameters.list] for an `UNWIND` batch), encoded straight into the RUN message. A value
     * the server's Bolt version cannot carry fails the future with a non-retryable
     * [org.boltkt.client.error.ClientException] before anything is sent.
     */
    @JvmOverloads
    public fun runAsync(
        query: String,
        parameters: QueryParameters,
        config: JavaTransactionConfig = JavaTransactionConfig.defaults(),
    ): CompletableFuture<AsyncResultCursor> =
        ops.launch { AsyncResultCursor(session.run(query, parameters, config.kotlinConfig), ops) }

    /** Opens an explicit transaction in the session's default access mode. */
    @JvmOverloads
    public fun beginTransactionAsync(config: JavaTransactionConfig = JavaTransactionConfig.defaults()): CompletableFuture<AsyncTransaction> =
        ops.launch { AsyncTransaction(session.beginTransaction(config.kotlinConfig), ops) }

    /**
     * Runs [work] in a READ transaction and commits it, with the retries of [Session.executeRead] (transient and
     * connectivity failures, exponential backoff up to the driver's max retry time). [work] receives the
     * transaction and returns a stage; when the stage fails the transaction is rolled back and, if the failure is
     * retryable, [work] is called again — so it may run more than once. The context must not be used after the
     * stage completed. Cancelling the returned future cancels the attempt in progress (and its reads).
     */
    @JvmOverloads
    public fun <T> executeReadAsync(
        work: Function<AsyncTransactionContext, out CompletionStage<T>>,
        config: JavaTransactionConfig = JavaTransactionConfig.defaults(),
    ): CompletableFuture<T> = ops.launch { session.executeRead(config.kotlinConfig) { tx -> runWork(tx, work) } }

    /** Like [executeReadAsync], in a WRITE transaction. */
    @JvmOverloads
    public fun <T> executeWriteAsync(
        work: Function<AsyncTransactionContext, out CompletionStage<T>>,
        config: JavaTransactionConfig = JavaTransactionConfig.defaults(),
    ): CompletableFuture<T> = ops.launch { session.executeWrite(config.kotlinConfig) { tx -> runWork(tx, work) } }

    /** The bookmarks of the last transaction this session committed (or the initial ones). Never blocks. */
    public fun lastBookmarks(): Set<Bookmark> = session.lastBookmarks()

    /**
     * Consumes open results, rolls back an open transaction and releases the connection. Idempotent. Runs after a
     * cancelled operation's clean-up, and to its end even if the returned future is cancelled.
     */
    public fun closeAsync(): CompletableFuture<Void?> = ops.launchClose { session.close() }
}

/**
 * Calls the Java [work] with a context whose futures are children of this attempt, and waits for its stage. A
 * failed stage's exception is rethrown unwrapped, so the Kotlin retry loop classifies it like a Kotlin failure.
 */
internal suspend fun <T> runWork(tx: TransactionContext, work: Function<AsyncTransactionContext, out CompletionStage<T>>): T =
    supervisorScope {
        val stage = try {
            work.apply(AsyncTransactionContext(tx, SerialFutures(this)))
        } catch (e: Throwable) {
            throw unwrap(e)
        }
        try {
            stage.await()
        } catch (e: Throwable) {
            throw unwrap(e)
        }
    }

/**
 * What a managed transaction's work receives (the Java view of [TransactionContext]): it can run queries; commit
 * and rollback belong to the driver. Not thread-safe; use it only until the work's stage completes. Errors and
 * cancellation as for [AsyncSession].
 */
public open class AsyncTransactionContext internal constructor(
    private val context: TransactionContext,
    /** Where the futures of this context run, one after another. */
    @get:JvmSynthetic internal val ops: SerialFutures,
) {
    /** Runs [query] in the transaction; completes with a cursor once the server accepted it. */
    @JvmOverloads
    public fun runAsync(query: String, parameters: Map<String, Any?> = emptyMap()): CompletableFuture<AsyncResultCursor> =
        ops.launch { AsyncResultCursor(context.run(query, parameters), ops) }

    /** Like [runAsync] with a map, with [parameters] built from objects (see [AsyncSession.runAsync]). */
    public fun runAsync(query: String, parameters: QueryParameters): CompletableFuture<AsyncResultCursor> =
        ops.launch { AsyncResultCursor(context.run(query, parameters), ops) }
}

/**
 * An explicit transaction (the Java view of [Transaction]), from [AsyncSession.beginTransactionAsync]. End it
 * with [commitAsync] or [rollbackAsync]; [closeAsync] rolls back if neither happened. Not thread-safe. Errors and
 * cancellation as for [AsyncSession]; a commit whose outcome is unknown fails with
 * [org.boltkt.client.error.IncompleteCommitException].
 */
public class AsyncTransaction internal constructor(
    /** The Kotlin transaction behind this view. */
    public val transaction: Transaction,
    ops: SerialFutures,
) : AsyncTransactionContext(transaction, ops) {
    /** True until committed, rolled back, closed or broken. */
    public fun isOpen(): Boolean = transaction.isOpen

    /** Commits (open results are consumed first). */
    public fun commitAsync(): CompletableFuture<Void?> = ops.launchUnit { transaction.commit() }

    /** Rolls back. */
    public fun rollbackAsync(): CompletableFuture<Void?> = ops.launchUnit { transaction.rollback() }

    /** Rolls back unless already committed or rolled back. Idempotent; runs to its end even if its future is cancelled. */
    public fun closeAsync(): CompletableFuture<Void?> = ops.launchClose { transaction.close() }
}

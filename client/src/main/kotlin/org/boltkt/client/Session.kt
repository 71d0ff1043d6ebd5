package org.boltkt.client

import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.value.QueryParameters

/**
 * A logical context for a sequence of transactions, from [Driver.session]. Cheap to create: it borrows a
 * connection from the pool only while a query or transaction runs. Bookmarks chain through it, so each
 * transaction sees the writes of the previous ones, even on another cluster member.
 *
 * Not thread-safe: one coroutine at a time, one open result or transaction at a time (a new `run` consumes the
 * previous auto-commit result first). Close it with [close] (or `use { }`), which consumes open work and returns
 * the connection.
 */
public interface Session {
    /** Settings this session was opened with. */
    public val config: SessionConfig

    /**
     * Runs [query] in an auto-commit transaction and returns once the server accepted it (the keys are known); records
     * stream as they are read. The connection goes back to the pool when the result is consumed.
     * @throws org.boltkt.client.error.BoltException when the server refuses the query or cannot be reached.
     */
    public suspend fun run(query: String, parameters: Map<String, Any?> = emptyMap(), config: TransactionConfig = TransactionConfig.DEFAULT): Result

    /**
     * Like the [run] taking a map, with [parameters] built from objects ([org.boltkt.client.value.parametersOf]):
     * they are encoded straight into the RUN message for the connection's Bolt version. A value that version
     * cannot carry (a vector before Bolt 6) fails with a non-retryable [org.boltkt.client.error.ClientException]
     * naming the parameter before anything is sent; the session stays usable.
     */
    public suspend fun run(query: String, parameters: QueryParameters, config: TransactionConfig = TransactionConfig.DEFAULT): Result

    /** Opens an explicit transaction in the session's default access mode. */
    public suspend fun beginTransaction(config: TransactionConfig = TransactionConfig.DEFAULT): Transaction

    /**
     * Runs [work] in a READ transaction and commits it, retrying the whole function on transient and connectivity
     * failures with exponential backoff for up to the driver's `maxTransactionRetryTime`. A failed commit whose
     * outcome is unknown ([org.boltkt.client.error.IncompleteCommitException]) is not retried, except on Neo4j, which
     * refuses writes in READ transactions (nothing can have been written, so the lost commit is retried as a
     * [org.boltkt.client.error.SessionExpiredException]). [work] may therefore run more than once: keep side effects
     * outside it.
     */
    public suspend fun <T> executeRead(config: TransactionConfig = TransactionConfig.DEFAULT, work: suspend (TransactionContext) -> T): T

    /** Like [executeRead], in a WRITE transaction. */
    public suspend fun <T> executeWrite(config: TransactionConfig = TransactionConfig.DEFAULT, work: suspend (TransactionContext) -> T): T

    /** The bookmarks of the last transaction this session committed (or the initial ones). */
    public fun lastBookmarks(): Set<Bookmark>

    /**
     * Consumes open results, rolls back an open transaction and releases the connection. Idempotent. The session
     * is closed afterwards in every case; a server refusing that ROLLBACK is reported as in [Transaction.close].
     */
    public suspend fun close()
}

/**
 * Runs [block] with this session and closes it afterwards, even on failure or cancellation. When [block] failed, a
 * failure of [Session.close] is added to that failure as suppressed instead of replacing it.
 */
public suspend inline fun <R> Session.use(block: (Session) -> R): R {
    val result = try {
        block(this)
    } catch (failure: Throwable) {
        try {
            kotlinx.coroutines.withContext(kotlinx.coroutines.NonCancellable) { close() }
        } catch (closeFailure: Throwable) {
            failure.addSuppressed(closeFailure)
        }
        throw failure
    }
    kotlinx.coroutines.withContext(kotlinx.coroutines.NonCancellable) { close() }
    return result
}

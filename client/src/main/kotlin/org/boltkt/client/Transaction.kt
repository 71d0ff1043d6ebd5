package org.boltkt.client

import org.boltkt.client.value.QueryParameters

/**
 * What a transaction function (`executeRead` / `executeWrite`) receives: it can run queries, but committing and
 * rolling back belong to the driver, which retries the whole function on transient failures. Results must be read
 * inside the function. Not thread-safe.
 */
public interface TransactionContext {
    /**
     * Runs [query] in the transaction. A result of an earlier `run` that was not fully read is consumed first.
     * @throws org.boltkt.client.error.BoltException when the server refuses the query.
     */
    public suspend fun run(query: String, parameters: Map<String, Any?> = emptyMap()): Result

    /**
     * Like the [run] taking a map, with [parameters] built from objects ([org.boltkt.client.value.parametersOf]),
     * encoded straight into the RUN message; a value the connection's version cannot carry fails before sending
     * with a non-retryable [org.boltkt.client.error.ClientException], exactly as a map parameter the version cannot
     * carry (a vector before Bolt 6) does.
     */
    public suspend fun run(query: String, parameters: QueryParameters): Result
}

/**
 * An explicit transaction, from [Session.beginTransaction]. End it with [commit] or [rollback]; [close] rolls back
 * if neither happened. After a failed query the transaction can only be rolled back or closed.
 *
 * Not thread-safe. Cancelling a coroutine in the middle of a transaction's exchange closes its connection; the
 * server then rolls the transaction back.
 */
public interface Transaction : TransactionContext {
    /** True until committed, rolled back, closed or broken. */
    public val isOpen: Boolean

    /**
     * Commits. Open results are consumed first. A connection lost while waiting for the answer throws
     * [org.boltkt.client.error.IncompleteCommitException]: the commit may or may not have happened.
     */
    public suspend fun commit()

    /** Rolls back; also after a failure. */
    public suspend fun rollback()

    /**
     * Rolls back unless already committed or rolled back. Idempotent; runs to completion even if the caller is
     * cancelled. The transaction is closed afterwards in every case; when the server refuses the ROLLBACK its
     * failure is thrown (a lost connection is not: the server rolls the transaction back by itself).
     */
    public suspend fun close()
}

package org.boltkt.client.error


/**
 * The server could not do the work right now but may later (`*.TransientError.*`: deadlocks, lock timeouts,
 * unavailable databases, Memgraph's conflicting-transaction and serialization errors). The transaction was rolled
 * back. Retryable: run the whole unit of work again, which managed transactions do automatically.
 *
 * Memgraph reports every non-query failure under `Memgraph.TransientError.*`, including some that recur (for
 * example its memory limit); the retry time bounds such retries.
 */
public open class TransientException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : BoltException(message, status, cause) {
    /** Always true. */
    override val isRetryable: Boolean get() = true
}

/**
 * The server failed to carry out a valid request (`*.DatabaseError.*`, or a code the driver cannot classify).
 * Not retryable: the server itself is in trouble; check its logs.
 */
public open class DatabaseException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : BoltException(message, status, cause) {
    /** Always false. */
    override val isRetryable: Boolean get() = false
}

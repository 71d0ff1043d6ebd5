package org.boltkt.client.error

/**
 * No server could do the work: connecting failed, or the connection was lost before the server answered. Thrown
 * from any operation that needs a connection; the message names the server address when one is known.
 * Retryable: the work did not take effect (except for [IncompleteCommitException], which overrides this), and a
 * new connection, possibly to another server, may succeed.
 *
 * @property serverAddress the `host:port` involved, or null when no single server is to blame.
 */
public open class ServiceUnavailableException(
    message: String,
    public val serverAddress: String? = null,
    cause: Throwable? = null,
) : BoltException(message, ServerStatus.NONE, cause) {
    /** True, except for [IncompleteCommitException]. */
    override val isRetryable: Boolean get() = true
}

/**
 * The connection was lost after COMMIT was sent but before the server answered, so the transaction may or may not
 * have been committed. NEVER retryable: running the work again could apply it twice. Check the database state (or
 * make the work idempotent) before trying again.
 */
public class IncompleteCommitException(
    message: String,
    serverAddress: String? = null,
    cause: Throwable? = null,
) : ServiceUnavailableException(message, serverAddress, cause) {
    /** Always false. */
    override val isRetryable: Boolean get() = false
}

/**
 * Nothing arrived for longer than the read bound while the driver waited for an answer: the server's receive-timeout
 * hint from HELLO (`connection.recv_timeout_seconds`) or the driver's `connectionReadTimeout`, whichever is shorter.
 * The driver counts the connection as dead and closed it. Thrown from the operation that was waiting for the answer.
 * Retryable like any [ServiceUnavailableException] (the official drivers call it a connection read timeout); a
 * routing driver reports it as a [SessionExpiredException] with this as the cause.
 */
public class ConnectionReadTimeoutException(
    message: String,
    serverAddress: String? = null,
    cause: Throwable? = null,
) : ServiceUnavailableException(message, serverAddress, cause)

/**
 * The session can no longer serve its purpose as configured, typically because the cluster member it was routed to
 * is gone or changed role. Retryable: a new attempt is routed again.
 */
public class SessionExpiredException(message: String, cause: Throwable? = null) :
    BoltException(message, ServerStatus.NONE, cause) {
    /** Always true. */
    override val isRetryable: Boolean get() = true
}

/**
 * The server sent bytes that break the Bolt or PackStream rules, or a message not allowed in the connection's
 * state; the [cause] is then the protocol layer's [org.boltkt.protocol.BoltProtocolException]. The driver closed
 * that connection. Not retryable: it indicates a driver or server bug, so retrying would probably fail the same way.
 */
public class ProtocolException(message: String, cause: Throwable? = null) :
    BoltException(message, ServerStatus.NONE, cause) {
    /** Always false. */
    override val isRetryable: Boolean get() = false
}

/**
 * No pooled connection became available within the configured acquisition timeout. Thrown when a session or
 * transaction needs a connection. Not retryable by the retry loop (it would only queue more work on an exhausted
 * pool); raise the pool size or timeout, or lower the load.
 */
public class ConnectionAcquisitionTimeoutException(message: String) :
    BoltException(message, ServerStatus.NONE, null) {
    /** Always false. */
    override val isRetryable: Boolean get() = false
}

package org.boltkt.client.error


/**
 * The request was wrong: the server rejected it with a `*.ClientError.*` status (bad Cypher, constraint violation,
 * missing permission, ...), or the driver detected a misuse before sending anything (then [code] is null).
 *
 * Thrown from any query, transaction or session operation. Retrying the same request does not help: change the
 * request instead. The exceptions are subclasses that say so in [isRetryable] (routing changes, expired
 * authorization) and security errors an [org.boltkt.client.auth.AuthTokenManager] reported as handled
 * ([isHandledByAuthManager]).
 *
 * Following the official drivers, the server codes `Neo.TransientError.Transaction.Terminated` (as the subclass
 * [TransactionTerminatedException]) and `Neo.TransientError.Transaction.LockClientStopped` also arrive as this type
 * (with their original [code]): the transaction was terminated on purpose, so retrying it would defeat that purpose.
 */
public open class ClientException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : BoltException(message, status, cause) {

    @Volatile
    private var handledByAuthManager: Boolean = false

    private val shownToAuthManager = java.util.concurrent.atomic.AtomicBoolean(false)

    /**
     * True once the driver's [org.boltkt.client.auth.AuthTokenManager] reported this security error as handled
     * (typically by dropping a stale token), which makes the error retryable with a fresh token. Only
     * [isSecurityError] exceptions are ever marked. Safe to read from any thread.
     */
    public val isHandledByAuthManager: Boolean get() = handledByAuthManager

    /**
     * True for errors of the server's `ClientError.Security` category (`Neo.ClientError.Security.*`,
     * `Memgraph.ClientError.Security.*`): the errors handed to
     * [org.boltkt.client.auth.AuthTokenManager.handleSecurityException].
     */
    public val isSecurityError: Boolean
        get() = code?.let { StatusCodes.category(it) == StatusCodes.SECURITY_CATEGORY } ?: false

    /** Retryable only when an auth token manager handled this security error; subclasses may widen this. */
    override val isRetryable: Boolean get() = handledByAuthManager

    /**
     * Records that the auth token manager handled this security error, so [isRetryable] becomes true.
     * Returns false (and changes nothing) for errors that are not [isSecurityError].
     */
    /** True the first time only: the auth token manager is told about one error once. */
    internal fun markShownToAuthManager(): Boolean = shownToAuthManager.compareAndSet(false, true)

    internal fun markHandledByAuthManager(): Boolean {
        if (!isSecurityError) return false
        handledByAuthManager = true
        return true
    }
}

/**
 * The server terminated the transaction on purpose (`Neo.ClientError.Transaction.Terminated` from Neo4j 5+,
 * `Neo.TransientError.Transaction.Terminated` before, or the same codes of another vendor): an administrator or another session ran `TERMINATE TRANSACTIONS` (for example through
 * [org.boltkt.client.admin.Admin.terminateTransaction]), or the transaction outlived its timeout. The transaction
 * is rolled back. A [ClientException] with the server's [code], as the official drivers report it, and not
 * retryable: retrying would defeat the purpose of terminating it.
 */
public class TransactionTerminatedException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : ClientException(message, status, cause)

package org.boltkt.client.error

import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/**
 * The root of every exception the driver throws on purpose. Anything else escaping the driver is a bug, except
 * [kotlin.coroutines.cancellation.CancellationException], which the driver always lets through unchanged.
 *
 * Server failures become a [ClientException], [TransientException] or [DatabaseException] (or one of their
 * subclasses) carrying the server's [code] and, from Neo4j 5.7 on, the GQL status fields. Failures detected by the
 * driver itself (lost connections, misuse of a closed result, configuration mistakes) have no [code].
 *
 * Instances are immutable apart from [ClientException.isHandledByAuthManager] and may be shared between threads.
 * Subclasses can only be declared inside the driver; the set of types is part of the public contract.
 *
 * @property code the Neo4j/Memgraph status code (for example `Neo.ClientError.Statement.SyntaxError`), or null
 *   when the error was detected by the driver.
 * @property gqlStatus the five-character GQL status (for example `42001`) sent by servers speaking Bolt 5.7+; for a
 *   server failure without GQL fields (older servers) `50N42` (unexpected error); null for driver-side errors.
 * @property gqlStatusDescription the server's standard description of [gqlStatus] (for `50N42`: "error: general
 *   processing exception - unexpected error." followed by the message), or null for driver-side errors.
 * @property diagnosticRecord the GQL diagnostic record (keys such as `CURRENT_SCHEMA`, `OPERATION`, `_classification`,
 *   `_position`), with the GQL defaults (`CURRENT_SCHEMA` "/", `OPERATION` "", `OPERATION_CODE` "0") for keys the
 *   server left out; null for driver-side errors.
 */
public abstract class BoltException internal constructor(
    message: String,
    /** Everything the server said about the failure; [code] and the GQL properties read from it. */
    public val status: ServerStatus,
    cause: Throwable?,
) : RuntimeException(message, cause) {
    public val code: String? get() = status.code
    public val gqlStatus: String? get() = status.gqlStatus
    public val gqlStatusDescription: String? get() = status.gqlStatusDescription
    public val diagnosticRecord: Map<String, Value>? get() = status.diagnosticRecord

    /**
     * Whether running the same unit of work again (a new transaction, usually on a new connection) may succeed.
     * The managed-transaction retry loop ([org.boltkt.client.retry.RetryPolicy]) retries exactly the errors for
     * which this is true; code driving explicit transactions can use it the same way.
     */
    public abstract val isRetryable: Boolean

    /**
     * The GQL classification from [diagnosticRecord] (`CLIENT_ERROR`, `TRANSIENT_ERROR` or `DATABASE_ERROR`), or
     * null when the server sent none (servers before 5.7, Memgraph, driver-side errors).
     */
    public val classification: String?
        get() = (diagnosticRecord?.get(CLASSIFICATION_KEY) as? StringValue)?.value

    /**
     * The next link of the server's GQL cause chain (also available as [cause]), or null when there is none.
     * Follow [GqlCauseException.gqlCause] for deeper links.
     */
    public val gqlCause: GqlCauseException?
        get() = cause as? GqlCauseException

    internal companion object {
        internal const val CLASSIFICATION_KEY: String = "_classification"
    }
}

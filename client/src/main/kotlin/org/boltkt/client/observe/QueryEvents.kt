package org.boltkt.client.observe

import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.AccessMode

/**
 * See [DriverListener.queryStarted].
 * @property query the Cypher text (never the parameters).
 * @property database the database named for the query, or null when the server picks the home database (the
 *   finished event then carries the one the server reported).
 * @property address the server the query runs on.
 * @property connectionId the server's id for the connection, null when it sent none.
 * @property inTransaction true in an explicit or managed transaction, false for an auto-commit `run`.
 */
public class QueryStarted internal constructor(
    public val query: String,
    public val database: String?,
    public val address: ServerAddress,
    public val connectionId: String?,
    public val inTransaction: Boolean,
    internal val startNanos: Long,
    callerContext: Any? = null,
) {
    /**
     * What [DriverListener.captureCallerContext] returned on the thread that called the query method, before the
     * driver suspended or handed the call to its own threads; null when it returned null. With
     * [DriverListener.composite] each listener sees its own.
     */
    @Volatile
    public var callerContext: Any? = callerContext
        internal set

    /**
     * A slot for the listener's own per-query state (a timer sample, a span), handed back through
     * [QueryFinished.started]. The driver never reads it. With [DriverListener.composite] each listener has its own.
     */
    @Volatile
    public var attachment: Any? = null

    override fun toString(): String = "QueryStarted($address, db=$database, tx=$inTransaction)"
}

/** How a query's stream ended. */
public enum class QueryOutcome {
    /** The summary arrived (every record read, or the rest discarded by `consume()` or an early stop). */
    SUCCESS,

    /** The server refused the query or the connection failed. */
    FAILURE,

    /** The reader was cancelled, or the stream was abandoned before its end; its connection was closed. */
    CANCELLED,
}

/**
 * See [DriverListener.queryFinished].
 * @property started the event of this query's start (with its [QueryStarted.attachment]).
 * @property database the database the server reported (`db` in the summary, Neo4j 4.0+), else [QueryStarted.database].
 * @property errorCode the server's error code of a [QueryOutcome.FAILURE] (e.g. `Neo.ClientError.Statement.SyntaxError`),
 *   null for a success, a cancellation or a failure without a code (a lost connection).
 * @property error the public exception of a failure, else null.
 * @property durationNanos from the start event to the end of the stream, including the time the reader took.
 */
public class QueryFinished internal constructor(
    public val started: QueryStarted,
    public val outcome: QueryOutcome,
    public val database: String?,
    public val errorCode: String?,
    public val error: Throwable?,
    public val durationNanos: Long,
) {
    /** [durationNanos] as a duration. */
    public val duration: java.time.Duration get() = java.time.Duration.ofNanos(durationNanos)

    override fun toString(): String = "QueryFinished(${started.address}, db=$database, $outcome, $errorCode, ${durationNanos}ns)"
}

/**
 * See [DriverListener.transactionRetried].
 * @property attempt the attempt that starts now (2 for the first retry).
 * @property cause the failure of the previous attempt.
 * @property errorCode the server's error code of [cause], null when it has none (e.g. a lost connection).
 */
public class TransactionRetried internal constructor(
    public val accessMode: AccessMode,
    public val attempt: Int,
    public val cause: Throwable,
    public val errorCode: String?,
) {
    override fun toString(): String = "TransactionRetried($accessMode, attempt $attempt, ${errorCode ?: cause.javaClass.simpleName})"
}

/**
 * See [DriverListener.routingTableUpdated].
 * @property database the database the table is for (its resolved name when the home database was asked for).
 * @property ttlSeconds how long the table may be used, as the router said.
 */
public class RoutingTableUpdated internal constructor(
    public val database: String,
    public val routers: List<ServerAddress>,
    public val readers: List<ServerAddress>,
    public val writers: List<ServerAddress>,
    public val ttlSeconds: Long,
) {
    override fun toString(): String = "RoutingTableUpdated($database, routers=$routers, readers=$readers, writers=$writers, ttl=${ttlSeconds}s)"
}

package org.boltkt.protocol.message

import org.boltkt.protocol.value.Value

/**
 * A client request, independent of the Bolt version; [RequestEncoder] decides how (and whether) the negotiated
 * version can express it. All requests are immutable.
 */
public sealed interface Request {
    /** The kind the connection state machine reasons about. */
    public val kind: RequestKind
}

/**
 * HELLO: opens the session. [auth] must be given before Bolt 5.1 (it travels in HELLO there) and must be null
 * from 5.1, where [Logon] carries it. [routing] non-null asks for server-side routing with that context.
 */
public data class Hello(
    public val userAgent: String,
    public val boltAgent: BoltAgent? = null,
    public val routing: Map<String, String>? = null,
    public val auth: AuthToken? = null,
    public val notificationFilter: NotificationFilter? = null,
) : Request {
    override val kind: RequestKind get() = RequestKind.HELLO
}

/** LOGON (5.1+): authenticates the session. */
public data class Logon(public val auth: AuthToken) : Request {
    override val kind: RequestKind get() = RequestKind.LOGON
}

/** LOGOFF (5.1+): drops the session's authentication. */
public data object Logoff : Request { override val kind: RequestKind get() = RequestKind.LOGOFF }

/** TELEMETRY (5.4+): reports which driver API started the work. */
public data class Telemetry(public val api: TelemetryApi) : Request {
    override val kind: RequestKind get() = RequestKind.TELEMETRY
}

/** GOODBYE: polite close. */
public data object Goodbye : Request { override val kind: RequestKind get() = RequestKind.GOODBYE }

/** RESET: back to READY, discarding pending work. */
public data object Reset : Request { override val kind: RequestKind get() = RequestKind.RESET }

/** COMMIT an explicit transaction. */
public data object Commit : Request { override val kind: RequestKind get() = RequestKind.COMMIT }

/** ROLLBACK an explicit transaction. */
public data object Rollback : Request { override val kind: RequestKind get() = RequestKind.ROLLBACK }

/**
 * RUN a query. Inside an explicit transaction leave [options] at [TransactionOptions.DEFAULT] (sent as an empty
 * map); in auto-commit mode they configure the implicit transaction.
 *
 * The parameters come either as [parameters] (a map of [Value]s) or, when [parameterWriter] is set, from that
 * writer, which encodes them straight into the message for the negotiated version; [parameters] must then be empty.
 * Java callers keep the one- to three-argument constructors (`@JvmOverloads`).
 */
public data class Run @JvmOverloads constructor(
    public val query: String,
    public val parameters: Map<String, Value> = emptyMap(),
    public val options: TransactionOptions = TransactionOptions.DEFAULT,
    public val parameterWriter: ParameterWriter? = null,
) : Request {
    init {
        require(parameterWriter == null || parameters.isEmpty()) { "give RUN's parameters either as values or as a writer, not both" }
    }

    override val kind: RequestKind get() = RequestKind.RUN
}

/** BEGIN an explicit transaction. */
public data class Begin(public val options: TransactionOptions = TransactionOptions.DEFAULT) : Request {
    override val kind: RequestKind get() = RequestKind.BEGIN
}

/** DISCARD [n] records (-1 = all) of query [qid] (-1 = the last one). */
public data class Discard(public val n: Long = PULL_ALL, public val qid: Long = LAST_QUERY_ID) : Request {
    override val kind: RequestKind get() = RequestKind.DISCARD
}

/** PULL [n] records (-1 = all) of query [qid] (-1 = the last one). */
public data class Pull(public val n: Long = PULL_ALL, public val qid: Long = LAST_QUERY_ID) : Request {
    override val kind: RequestKind get() = RequestKind.PULL
}

/**
 * ROUTE (4.3+): asks for a routing table. [impersonatedUser] needs 4.4+.
 * @property database null asks for the user's home database.
 */
public data class Route(
    public val routing: Map<String, String>,
    public val bookmarks: List<String> = emptyList(),
    public val database: String? = null,
    public val impersonatedUser: String? = null,
) : Request {
    override val kind: RequestKind get() = RequestKind.ROUTE
}

/** Sentinel for "all records" in [Pull] and [Discard]. */
public const val PULL_ALL: Long = -1

/** Sentinel for "the last query" in [Pull] and [Discard]. */
public const val LAST_QUERY_ID: Long = -1

package org.boltkt.client.admin

import java.time.Duration
import java.time.Instant

// Result types are plain classes with read-only properties (Java getters), no data-class copy/componentN: new
// fields can be added later without breaking callers compiled against this version.

/**
 * One running transaction as a server reports it ([Admin.transactions]). Fields the server does not report are
 * null. Immutable.
 *
 * @property member the server that reported it (`host:port` as the driver reached it).
 * @property id the id to pass to [Admin.terminateTransaction] (Neo4j `neo4j-transaction-42`, Memgraph a number).
 * @property database the database it runs against (Neo4j), else null.
 * @property user the user running it (Memgraph: null when authentication is off).
 * @property status Neo4j `Running`, `Blocked`, `Closing`, `Terminated`; Memgraph `running`, `committing`, `aborting`.
 * @property elapsed time since it started.
 * @property startTime when it started.
 * @property currentQuery the query it is running now (Memgraph: the last of the queries it ran), or null.
 * @property currentQueryId the id of that query (Neo4j `query-7`), or null.
 * @property connectionId the connection that opened it (Neo4j `bolt-3`), or null.
 * @property clientAddress the client's address (Neo4j), or null.
 * @property metadata the transaction metadata the client attached (empty when none).
 */
public class TransactionInfo internal constructor(
    public val member: String,
    public val id: String,
    public val database: String?,
    public val user: String?,
    public val status: String?,
    public val elapsed: Duration?,
    public val startTime: Instant?,
    public val currentQuery: String?,
    public val currentQueryId: String?,
    public val connectionId: String?,
    public val clientAddress: String?,
    public val metadata: Map<String, Any?>,
) {
    override fun toString(): String =
        "TransactionInfo(id=$id, member=$member, database=$database, user=$user, status=$status, elapsed=$elapsed, " +
            "query=$currentQuery, clientAddress=$clientAddress)"
}

/**
 * One running query ([Admin.queries]): on Neo4j the current query of a transaction, on Memgraph the transaction's
 * queries (Memgraph has no query ids of its own: [id] is the transaction's id). Immutable; null when not reported.
 *
 * @property member the server that reported it.
 * @property id the id to pass to [Admin.killQuery].
 * @property transactionId the transaction running it.
 * @property database the database (Neo4j), else null.
 * @property user the user running it.
 * @property query the query text.
 * @property elapsed how long its transaction has run, or null.
 * @property clientAddress the client's address (Neo4j), or null.
 */
public class QueryInfo internal constructor(
    public val member: String,
    public val id: String,
    public val transactionId: String,
    public val database: String?,
    public val user: String?,
    public val query: String,
    public val elapsed: Duration?,
    public val clientAddress: String?,
) {
    override fun toString(): String = "QueryInfo(id=$id, transactionId=$transactionId, member=$member, user=$user, query=$query)"
}

/**
 * What a server answered to a termination request ([Admin.terminateTransaction], [Admin.killQuery],
 * [Admin.killConnection]). Immutable.
 *
 * @property member the server that answered.
 * @property id the transaction or connection id asked for.
 * @property terminated whether the server says it terminated it (false: not found, or not allowed).
 * @property message the server's own words (Neo4j: `Transaction terminated.`, `Transaction not found.`), or null.
 */
public class TerminationResult internal constructor(
    public val member: String,
    public val id: String,
    public val terminated: Boolean,
    public val message: String?,
) {
    override fun toString(): String = "TerminationResult(id=$id, member=$member, terminated=$terminated, message=$message)"
}

package org.boltkt.client.error

/**
 * A transaction was used after it ended: committed, rolled back, failed, or used outside the block of a managed
 * transaction that owned it. Thrown by the driver before anything is sent. Not retryable: it is a programming error.
 */
public class TransactionClosedException(message: String, cause: Throwable? = null) :
    ClientException(message, cause = cause)

/**
 * A result's records were read after the result was consumed, or after the transaction or session that produced
 * it closed. Thrown by the driver without contacting the server. Not retryable: it is a programming error.
 */
public class ResultConsumedException(message: String) : ClientException(message)

/**
 * A result expected to hold exactly one record held none or more than one ([reason] says which). Thrown by
 * single-record accessors after reading the result. Not retryable: the same query returns the same shape again.
 *
 * @property reason whether there were no records or too many.
 */
public class ResultNotSingleException(message: String, public val reason: Reason) : ClientException(message) {
    /** Why the result was not a single record. */
    public enum class Reason {
        /** The result had no record. */
        NO_RECORDS,

        /** The result had two or more records. */
        TOO_MANY_RECORDS,
    }
}

/**
 * The operation needs a protocol feature the negotiated Bolt version or the server does not offer (for example
 * re-authentication before Bolt 5.1, or notification filters on an old server), or an operations helper
 * ([org.boltkt.client.admin.Admin]) asked for something the connected server family or edition cannot do (for
 * example creating a database on Neo4j Community). Thrown before anything is sent. Not retryable: use a newer
 * server or another edition, or do without the feature.
 *
 * @property server the server family and version when known (e.g. `Neo4j 5.26.0`), else null.
 * @property edition the server's edition when known (`community`, `enterprise`), else null.
 * @property operation the operation refused (e.g. `createDatabase`), when the refusal is about one.
 */
public class UnsupportedFeatureException @JvmOverloads constructor(
    message: String,
    public val server: String? = null,
    public val edition: String? = null,
    public val operation: String? = null,
) : ClientException(message)

/**
 * A database did not reach the status the caller waited for within the caller's bound
 * ([org.boltkt.client.admin.Admin.waitUntilOnline]). Not retryable as such: the database may still come online
 * later; look at [lastStatus] and the server's logs, or wait longer.
 *
 * @property database the database waited for.
 * @property lastStatus the status the server reported last (`starting`, `offline`, …), or null when the database
 *   was not listed at all.
 */
public class DatabaseNotOnlineException(
    message: String,
    public val database: String,
    public val lastStatus: String?,
) : ClientException(message)

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
 * re-authentication before Bolt 5.1, or notification filters on an old server). Thrown before anything is sent.
 * Not retryable: use a newer server or do without the feature.
 */
public class UnsupportedFeatureException(message: String) : ClientException(message)

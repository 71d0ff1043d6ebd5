package org.boltkt.protocol.message

import org.boltkt.protocol.value.Value

/** A server response message, decoded by [ResponseDecoder]. Immutable. */
public sealed interface Response {
    /** SUCCESS (0x70) with its metadata (e.g. `fields`, `has_more`, `bookmark`, `db`). */
    public data class Success(public val metadata: Map<String, Value>) : Response

    /** RECORD (0x71): one row of values, in the order of the RUN SUCCESS `fields`. */
    public data class Record(public val fields: List<Value>) : Response

    /**
     * RECORD (0x71) decoded by the caller's [RecordDecoder] (passed to [ResponseDecoder.decode]) instead of into
     * values: [row] is what that decoder returned. Not a data class: equality is identity.
     */
    public class DecodedRecord(public val row: Any) : Response {
        override fun toString(): String = "DecodedRecord($row)"
    }

    /** IGNORED (0x7E): the request was skipped because the connection is in FAILED or INTERRUPTED state. */
    public data object Ignored : Response

    /**
     * FAILURE (0x7F). Before 5.7 only [code] and [message] exist and the GQL fields are null. From 5.7 the server
     * sends the GQL shape; [code] then comes from `neo4j_code` (or [UNKNOWN_CODE] when absent) and [cause] holds
     * the nested chain.
     */
    public data class Failure(
        public val code: String,
        public val message: String,
        public val gqlStatus: String? = null,
        public val description: String? = null,
        public val diagnosticRecord: Map<String, Value>? = null,
        public val cause: GqlCause? = null,
    ) : Response

    /** One link of a 5.7+ failure's `cause` chain. */
    public data class GqlCause(
        public val gqlStatus: String,
        public val description: String,
        public val message: String,
        public val diagnosticRecord: Map<String, Value>?,
        public val cause: GqlCause?,
    )

    public companion object {
        /** The code reported for a GQL failure that carries no `neo4j_code`. */
        public const val UNKNOWN_CODE: String = "Neo.DatabaseError.General.UnknownError"

        /** The GQL status reported when a 5.7+ failure or cause omits `gql_status`. */
        public const val UNKNOWN_GQL_STATUS: String = "50N42"
    }
}

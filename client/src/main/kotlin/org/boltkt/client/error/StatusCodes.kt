package org.boltkt.client.error

/**
 * Parsing of server status codes, `Vendor.Classification.Category.Title` (for example
 * `Neo.ClientError.Security.Unauthorized` or `Memgraph.TransientError.MemgraphError.MemgraphError`). The vendor
 * part is ignored so Neo4j and Memgraph codes classify alike. Pure functions; safe from any thread.
 */
internal object StatusCodes {
    const val CLIENT_ERROR: String = "ClientError"
    const val TRANSIENT_ERROR: String = "TransientError"
    const val DATABASE_ERROR: String = "DatabaseError"
    const val SECURITY_CATEGORY: String = "Security"

    /** The classification part (`ClientError`, ...), or null for a code without one. */
    fun classification(code: String): String? = code.split('.').getOrNull(1)

    /** The category part (`Security`, `Transaction`, ...), or null for a code without one. */
    fun category(code: String): String? = code.split('.').getOrNull(2)

    /** The code without its vendor prefix, e.g. `ClientError.Security.Unauthorized`; empty without a dot. */
    fun withoutVendor(code: String): String = code.substringAfter('.', missingDelimiterValue = "")

    /** Maps a GQL `_classification` value (`CLIENT_ERROR`, ...) to the code classification, or null. */
    fun fromGqlClassification(value: String?): String? = when (value) {
        "CLIENT_ERROR" -> CLIENT_ERROR
        "TRANSIENT_ERROR" -> TRANSIENT_ERROR
        "DATABASE_ERROR" -> DATABASE_ERROR
        else -> null
    }
}

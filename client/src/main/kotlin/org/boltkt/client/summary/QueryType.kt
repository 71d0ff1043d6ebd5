package org.boltkt.client.summary

/** What a query did, from the `type` field of the summary metadata. */
public enum class QueryType(
    /** The code the server sends: `r`, `rw`, `w` or `s`. */
    public val code: String,
) {
    /** Only read (`r`). */
    READ_ONLY("r"),

    /** Read and wrote (`rw`). */
    READ_WRITE("rw"),

    /** Only wrote (`w`). */
    WRITE_ONLY("w"),

    /** Changed the schema (`s`), e.g. created an index or constraint. */
    SCHEMA_WRITE("s"),
    ;

    public companion object {
        /** The type for [code], or null when [code] is null or unknown. Never throws. */
        @JvmStatic
        public fun fromCode(code: String?): QueryType? = entries.firstOrNull { it.code == code }
    }
}

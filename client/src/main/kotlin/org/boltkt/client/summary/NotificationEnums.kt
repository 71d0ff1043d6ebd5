package org.boltkt.client.summary

/** Severity of a notification or GQL status object. [UNKNOWN] covers absent and unrecognised values. */
public enum class NotificationSeverity {
    WARNING, INFORMATION, UNKNOWN;

    public companion object {
        /** The severity named [raw] (case-sensitive, as servers send it), else [UNKNOWN]. Never throws. */
        @JvmStatic
        public fun fromRaw(raw: String?): NotificationSeverity = entries.firstOrNull { it != UNKNOWN && it.name == raw } ?: UNKNOWN
    }
}

/**
 * Category of a notification, also the classification of a GQL status object. [UNKNOWN] covers absent values
 * (servers before 5.7 send none) and categories newer than this driver.
 */
public enum class NotificationCategory {
    HINT, UNRECOGNIZED, UNSUPPORTED, PERFORMANCE, DEPRECATION, GENERIC, SECURITY, TOPOLOGY, SCHEMA, UNKNOWN;

    public companion object {
        /** The category named [raw], else [UNKNOWN]. Never throws. */
        @JvmStatic
        public fun fromRaw(raw: String?): NotificationCategory = entries.firstOrNull { it != UNKNOWN && it.name == raw } ?: UNKNOWN
    }
}

/**
 * Where in the query text a notification points. Each part is as sent; a part the server omits is -1.
 *
 * @property offset 0-based character offset.
 * @property line 1-based line.
 * @property column 1-based column.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class InputPosition internal constructor(public val offset: Long, public val line: Long, public val column: Long)

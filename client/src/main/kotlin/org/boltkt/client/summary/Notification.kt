package org.boltkt.client.summary

import org.boltkt.protocol.value.Value

/**
 * A notification about the query (a warning or hint that did not stop it), in the Neo4j (pre-GQL) shape.
 * Immutable and thread-safe.
 *
 * @property code the Neo4j status code, e.g. `Neo.ClientNotification.Statement.CartesianProduct`; "" when absent.
 * @property title short summary; "" when absent.
 * @property description full explanation; "" when absent.
 * @property rawSeverity the severity string as sent, or null when absent.
 * @property severity [rawSeverity] parsed; [NotificationSeverity.UNKNOWN] when absent or unrecognised.
 * @property rawCategory the category string as sent, or null when absent (servers before 5.7).
 * @property category [rawCategory] parsed; [NotificationCategory.UNKNOWN] when absent or unrecognised.
 * @property position where in the query it applies, or null when the server sent no position.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class Notification internal constructor(
    public val code: String,
    public val title: String,
    public val description: String,
    public val rawSeverity: String?,
    public val severity: NotificationSeverity,
    public val rawCategory: String?,
    public val category: NotificationCategory,
    public val position: InputPosition?,
) {
    public companion object {
        /** Parses one element of the metadata `notifications` list. Missing fields get the defaults above. Never throws. */
        @JvmStatic
        public fun from(m: Map<String, Value>): Notification {
            val severity = m.optString("severity")
            val category = m.optString("category")
            return Notification(
                code = m.optString("code") ?: "",
                title = m.optString("title") ?: "",
                description = m.optString("description") ?: "",
                rawSeverity = severity,
                severity = NotificationSeverity.fromRaw(severity),
                rawCategory = category,
                category = NotificationCategory.fromRaw(category),
                position = positionOf(m.optMap("position")),
            )
        }

        /** A position from a `position` map; null when absent or when it has none of offset/line/column. */
        internal fun positionOf(p: Map<String, Value>?): InputPosition? {
            if (p == null) return null
            val offset = p.optLong("offset")
            val line = p.optLong("line")
            val column = p.optLong("column")
            if (offset == null && line == null && column == null) return null
            return InputPosition(offset ?: -1, line ?: -1, column ?: -1)
        }
    }
}

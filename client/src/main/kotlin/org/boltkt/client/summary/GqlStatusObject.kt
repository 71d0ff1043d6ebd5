package org.boltkt.client.summary

import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/**
 * A GQL status of a query: its outcome (`00000` success, `00001` success with omitted result, `02000` no data)
 * or a notification (`01xxx` warning, `03xxx` informational). Servers on Bolt 5.6+ send these as `statuses`;
 * for older servers [ResultSummary] derives them from the notifications and the outcome. Immutable and thread-safe.
 *
 * @property gqlStatus the five-character GQLSTATUS code.
 * @property statusDescription the GQL status description, e.g. `note: successful completion`.
 * @property diagnosticRecord the diagnostic record as sent, with `OPERATION` "", `OPERATION_CODE` "0" and
 *   `CURRENT_SCHEMA` "/" filled in when the server omits them.
 * @property position `_position` of the diagnostic record, or null.
 * @property rawClassification `_classification` of the diagnostic record as sent, or null.
 * @property classification [rawClassification] parsed; [NotificationCategory.UNKNOWN] when absent or unrecognised.
 * @property rawSeverity `_severity` of the diagnostic record as sent, or null.
 * @property severity [rawSeverity] parsed; [NotificationSeverity.UNKNOWN] when absent or unrecognised.
 * @property notification the same status in the Neo4j notification shape when it is a notification (it carries a
 *   Neo4j code), else null.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class GqlStatusObject internal constructor(
    public val gqlStatus: String,
    public val statusDescription: String,
    public val diagnosticRecord: Map<String, Value>,
    public val position: InputPosition?,
    public val rawClassification: String?,
    public val classification: NotificationCategory,
    public val rawSeverity: String?,
    public val severity: NotificationSeverity,
    public val notification: Notification?,
) {
    /** True when this status is a notification rather than the query's outcome. */
    public val isNotification: Boolean get() = notification != null

    public companion object {
        /** Diagnostic record entries every status has, added when the server omits them. */
        @JvmField
        public val DIAGNOSTIC_RECORD_DEFAULTS: Map<String, Value> =
            mapOf("OPERATION" to StringValue(""), "OPERATION_CODE" to StringValue("0"), "CURRENT_SCHEMA" to StringValue("/"))

        /**
         * Parses one element of the Bolt 5.6+ `statuses` list. A status with a `neo4j_code` is a notification; its
         * [notification] takes code, title and description from `neo4j_code`, `title` and `description`
         * (falling back to `status_description`).
         * @throws IllegalArgumentException when `gql_status` is missing or not a string.
         */
        @JvmStatic
        public fun from(m: Map<String, Value>): GqlStatusObject {
            val gqlStatus = m.requireString("gql_status", "statuses[]")
            val description = m.optString("status_description") ?: ""
            val record = withDefaults(m.optMap("diagnostic_record"))
            val position = Notification.positionOf((record["_position"] as? MapValue)?.entries)
            val rawClass = record.optString("_classification")
            val rawSeverity = record.optString("_severity")
            val notification = m.optString("neo4j_code")?.let { code ->
                Notification(
                    code, m.optString("title") ?: "", m.optString("description") ?: description,
                    rawSeverity, NotificationSeverity.fromRaw(rawSeverity), rawClass, NotificationCategory.fromRaw(rawClass), position,
                )
            }
            return GqlStatusObject(
                gqlStatus, description, record, position, rawClass, NotificationCategory.fromRaw(rawClass),
                rawSeverity, NotificationSeverity.fromRaw(rawSeverity), notification,
            )
        }

        internal fun withDefaults(record: Map<String, Value>?): Map<String, Value> {
            if (record.isNullOrEmpty()) return DIAGNOSTIC_RECORD_DEFAULTS
            val out = LinkedHashMap<String, Value>(DIAGNOSTIC_RECORD_DEFAULTS)
            out.putAll(record)
            return out
        }
    }
}

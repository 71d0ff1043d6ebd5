package org.boltkt.client.summary

import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/** Builds the GQL status list for servers that send `statuses`, and derives it for those that do not. */
internal object GqlStatuses {
    const val SUCCESS = "00000"
    const val OMITTED_RESULT = "00001"
    const val NO_DATA = "02000"
    const val UNKNOWN_WARNING = "01N42"
    const val UNKNOWN_INFORMATION = "03N42"

    /** Server `statuses`, in server order. */
    fun fromStatuses(statuses: List<Map<String, Value>>): List<GqlStatusObject> = statuses.map { GqlStatusObject.from(it) }

    /**
     * Pre-5.6 derivation: one status per notification (`01N42` for warnings, `03N42` otherwise) plus the outcome
     * (`00000` when records came, `02000` when the query has columns but no records came, `00001` when it has no
     * columns), ordered no data, warnings, success, informational; stable within each class.
     */
    fun derive(notifications: List<Notification>, hadKeys: Boolean, hadRecords: Boolean): List<GqlStatusObject> {
        val outcome = when {
            hadRecords -> status(SUCCESS, "note: successful completion")
            hadKeys -> status(NO_DATA, "note: no data")
            else -> status(OMITTED_RESULT, "note: successful completion - omitted result")
        }
        val all = ArrayList<GqlStatusObject>(notifications.size + 1)
        all += outcome
        for (n in notifications) all += fromNotification(n)
        return all.sortedBy { rank(it.gqlStatus) }
    }

    private fun rank(status: String): Int = when (status.take(2)) {
        "02" -> 0
        "01" -> 1
        "00" -> 2
        "03" -> 3
        else -> 4
    }

    private fun status(code: String, description: String) = GqlStatusObject(
        code, description, GqlStatusObject.DIAGNOSTIC_RECORD_DEFAULTS, null, null, NotificationCategory.UNKNOWN,
        null, NotificationSeverity.UNKNOWN, null,
    )

    private fun fromNotification(n: Notification): GqlStatusObject {
        val warning = n.severity == NotificationSeverity.WARNING
        val record = LinkedHashMap(GqlStatusObject.DIAGNOSTIC_RECORD_DEFAULTS)
        n.rawSeverity?.let { record["_severity"] = StringValue(it) }
        n.rawCategory?.let { record["_classification"] = StringValue(it) }
        n.position?.let {
            record["_position"] = MapValue(mapOf("offset" to IntegerValue(it.offset), "line" to IntegerValue(it.line), "column" to IntegerValue(it.column)))
        }
        val description = n.description.ifEmpty { if (warning) "warn: unknown warning" else "info: unknown notification" }
        return GqlStatusObject(
            if (warning) UNKNOWN_WARNING else UNKNOWN_INFORMATION, description, record, n.position,
            n.rawCategory, n.category, n.rawSeverity, n.severity, n,
        )
    }
}

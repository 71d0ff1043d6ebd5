package org.boltkt.client.summary

import org.boltkt.protocol.value.Value
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds

/**
 * The query that produced a result. Immutable and thread-safe.
 *
 * @property text the Cypher text as sent.
 * @property parameters the parameters as sent.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class ExecutedQuery internal constructor(public val text: String, public val parameters: Map<String, Value>)

/**
 * What the server reported about a finished result, built with [from]. Bookmarks are not part of it (the session
 * tracks them). Immutable and thread-safe.
 *
 * @property query the query and its parameters.
 * @property queryType from `type`; null when the server did not say (e.g. some Memgraph versions).
 * @property counters from `stats`; [SummaryCounters.EMPTY] when absent.
 * @property plan the `plan` for `EXPLAIN`; for `PROFILE` the [profile] (a [ProfiledPlan] is a [Plan]); else null.
 * @property profile the `profile` for `PROFILE`, else null.
 * @property notifications notifications in the Neo4j shape: from `notifications`, or on Bolt 5.6+ the
 *   notification views of [gqlStatusObjects]; empty when none.
 * @property gqlStatusObjects from `statuses` (Bolt 5.6+), otherwise derived from [notifications] and the
 *   outcome as described on [GqlStatusObject]; never empty.
 * @property server the server that ran the query.
 * @property database the database it ran in (`db`), or null when not reported.
 * @property resultAvailableAfter time until the first record was available (`t_first`), or null.
 * @property resultConsumedAfter time to consume the result (`t_last`), or null.
 */
public class ResultSummary(
    public val query: ExecutedQuery,
    public val queryType: QueryType?,
    public val counters: SummaryCounters,
    public val plan: Plan?,
    public val profile: ProfiledPlan?,
    public val notifications: List<Notification>,
    public val gqlStatusObjects: List<GqlStatusObject>,
    public val server: ServerInfo,
    public val database: String?,
    public val resultAvailableAfter: Duration?,
    public val resultConsumedAfter: Duration?,
) {
    /** True when the server reported a plan (EXPLAIN or PROFILE). */
    public val hasPlan: Boolean get() = plan != null

    /** True when the server reported a profile (PROFILE). */
    public val hasProfile: Boolean get() = profile != null

    override fun toString(): String =
        "ResultSummary(query=${query.text}, queryType=$queryType, counters=$counters, database=$database, " +
            "notifications=${notifications.size}, statuses=${gqlStatusObjects.map { it.gqlStatus }}, server=$server)"

    public companion object {
        /**
         * Builds a summary from [inputs]. Each field is looked up in the final metadata first, then in the RUN
         * metadata, so servers that put `db`, `type` or timings in either place are handled. Missing or oddly typed
         * optional fields leave the property at its default (null, empty or zero).
         *
         * @throws IllegalArgumentException only for malformed structure where a value is required: a plan or
         *   profile operator without a string `operatorType`, or a `statuses` entry without a string `gql_status`.
         */
        @JvmStatic
        public fun from(inputs: SummaryInputs): ResultSummary {
            val run = inputs.runMetadata
            val fin = inputs.finalMetadata
            fun str(key: String) = fin.optString(key) ?: run.optString(key)
            fun map(key: String) = fin.optMap(key) ?: run.optMap(key)
            fun long(key: String) = fin.optLong(key) ?: run.optLong(key)

            val profile = map("profile")?.let { ProfiledPlan.from(it) }
            val plan = map("plan")?.let { Plan.from(it) } ?: profile
            val rawStatuses = fin.optList("statuses")
            val notifications: List<Notification>
            val statuses: List<GqlStatusObject>
            if (rawStatuses != null) {
                statuses = GqlStatuses.fromStatuses(fin.mapsOf("statuses"))
                notifications = statuses.mapNotNull { it.notification }
            } else {
                notifications = (fin.mapsOf("notifications").ifEmpty { run.mapsOf("notifications") }).map { Notification.from(it) }
                val hadKeys = run.optList("fields")?.isNotEmpty() ?: false
                statuses = GqlStatuses.derive(notifications, hadKeys, inputs.hadRecords)
            }
            return ResultSummary(
                query = ExecutedQuery(inputs.query, inputs.parameters),
                queryType = QueryType.fromCode(str("type")),
                counters = SummaryCounters.from(map("stats")),
                plan = plan,
                profile = profile,
                notifications = notifications,
                gqlStatusObjects = statuses,
                server = inputs.server,
                database = str("db"),
                resultAvailableAfter = (run.optLong("t_first") ?: fin.optLong("t_first"))?.milliseconds,
                resultConsumedAfter = long("t_last")?.milliseconds,
            )
        }
    }
}

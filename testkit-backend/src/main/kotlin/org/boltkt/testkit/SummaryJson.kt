package org.boltkt.testkit

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import org.boltkt.client.summary.GqlStatusObject
import org.boltkt.client.summary.InputPosition
import org.boltkt.client.summary.Notification
import org.boltkt.client.summary.Plan
import org.boltkt.client.summary.ProfiledPlan
import org.boltkt.client.summary.ResultSummary
import org.boltkt.client.summary.ServerInfo
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/** Result summaries and server info as testkit's `Summary` / `ServerInfo` data. Pure functions. */
object SummaryJson {
    fun summary(s: ResultSummary): JsonObject = obj(
        "serverInfo" to serverInfo(s.server),
        "counters" to counters(s),
        "database" to s.database,
        // Before Bolt 5.6 the summary cannot tell an absent notification list from an empty one; testkit expects
        // "absent" there. From 5.6 on notifications derive from the always-present GQL statuses: a list.
        "notifications" to s.notifications.takeIf { it.isNotEmpty() || s.server.protocolVersion.atLeast(5, 6) }?.map(::notification),
        "gqlStatusObjects" to s.gqlStatusObjects.map(::gqlStatusObject),
        "plan" to s.plan?.let(::plan),
        "profile" to s.profile?.let(::plan),
        "query" to obj("text" to s.query.text, "parameters" to JsonObject(s.query.parameters.mapValues { CypherJson.fromValue(it.value) })),
        "queryType" to s.queryType?.code,
        "resultAvailableAfter" to s.resultAvailableAfter?.inWholeMilliseconds,
        "resultConsumedAfter" to s.resultConsumedAfter?.inWholeMilliseconds,
    )

    fun serverInfo(info: ServerInfo): JsonObject = obj(
        "address" to info.address,
        "agent" to info.agent,
        "protocolVersion" to "${info.protocolVersion.major}.${info.protocolVersion.minor}",
    )

    private fun counters(s: ResultSummary): JsonObject = with(s.counters) {
        obj(
            "constraintsAdded" to constraintsAdded, "constraintsRemoved" to constraintsRemoved,
            "containsSystemUpdates" to containsSystemUpdates, "containsUpdates" to containsUpdates,
            "indexesAdded" to indexesAdded, "indexesRemoved" to indexesRemoved,
            "labelsAdded" to labelsAdded, "labelsRemoved" to labelsRemoved,
            "nodesCreated" to nodesCreated, "nodesDeleted" to nodesDeleted,
            "propertiesSet" to propertiesSet,
            "relationshipsCreated" to relationshipsCreated, "relationshipsDeleted" to relationshipsDeleted,
            "systemUpdates" to systemUpdates,
        )
    }

    private fun position(p: InputPosition?): JsonObject? = p?.let { obj("column" to it.column, "offset" to it.offset, "line" to it.line) }

    private fun notification(n: Notification): JsonObject {
        val fields = linkedMapOf<String, Any?>(
            "severity" to (n.rawSeverity ?: ""),
            "description" to n.description,
            "code" to n.code,
            "title" to n.title,
            "rawSeverityLevel" to n.rawSeverity,
            "severityLevel" to n.severity.name,
            "rawCategory" to (n.rawCategory ?: ""),
            "category" to n.category.name,
        )
        position(n.position)?.let { fields["position"] = it }
        return obj(*fields.toList().toTypedArray())
    }

    private fun gqlStatusObject(g: GqlStatusObject): JsonObject = obj(
        "gqlStatus" to g.gqlStatus,
        "statusDescription" to g.statusDescription,
        "position" to position(g.position),
        "classification" to g.classification.name,
        "rawClassification" to g.rawClassification,
        "severity" to g.severity.name,
        "rawSeverity" to g.rawSeverity,
        "diagnosticRecord" to JsonObject(g.diagnosticRecord.mapValues { CypherJson.fromValue(it.value) }),
        "isNotification" to g.isNotification,
    )

    private fun plan(p: Plan): JsonObject {
        val fields = linkedMapOf<String, Any?>(
            "args" to JsonObject(p.arguments.mapValues { plain(it.value) }),
            "operatorType" to p.operatorType,
            "identifiers" to p.identifiers,
            "children" to p.children.map(::plan),
        )
        if (p is ProfiledPlan) {
            fields["dbHits"] = p.dbHits
            fields["rows"] = p.records
            // The server reports page-cache statistics and time together, only for operators that have them.
            if (p.hasPageCacheStats) {
                fields["pageCacheHits"] = p.pageCacheHits
                fields["pageCacheMisses"] = p.pageCacheMisses
                fields["pageCacheHitRatio"] = p.pageCacheHitRatio
                fields["time"] = p.time
            }
        }
        return obj(*fields.toList().toTypedArray())
    }

    /** A value as untagged JSON, as testkit expects for plan arguments. */
    fun plain(v: Value): JsonElement = when (v) {
        NullValue -> json(null)
        is BooleanValue -> json(v.value)
        is IntegerValue -> json(v.value)
        is FloatValue -> json(v.value)
        is StringValue -> json(v.value)
        is ListValue -> json(v.values.map(::plain))
        is MapValue -> JsonObject(v.entries.mapValues { plain(it.value) })
        else -> CypherJson.fromValue(v)
    }
}

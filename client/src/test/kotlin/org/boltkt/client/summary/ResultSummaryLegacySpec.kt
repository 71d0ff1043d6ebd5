package org.boltkt.client.summary

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import org.boltkt.client.summary.SummaryFixtures.inputs
import org.boltkt.client.summary.SummaryFixtures.memgraph
import org.boltkt.client.summary.SummaryFixtures.meta
import org.boltkt.client.summary.SummaryFixtures.neo4j44
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue

/** Servers without GQL statuses: Neo4j 4.4 / 5.x before Bolt 5.6, and Memgraph. */
class ResultSummaryLegacySpec : FunSpec({
    val cartesian = mapOf(
        "code" to "Neo.ClientNotification.Statement.CartesianProduct",
        "title" to "This query builds a cartesian product between disconnected patterns.",
        "description" to "If a part of a query contains multiple disconnected patterns, ...",
        "severity" to "INFORMATION", "category" to "PERFORMANCE",
        "position" to mapOf("offset" to 0, "line" to 1, "column" to 1),
    )
    // Neo4j 4.4 sends no category; some notifications carry no position.
    val deprecated = mapOf(
        "code" to "Neo.ClientNotification.Statement.FeatureDeprecationWarning",
        "title" to "This feature is deprecated and will be removed in future versions.",
        "description" to "The query used a deprecated function: `id`.",
        "severity" to "WARNING",
    )

    test("Neo4j 4.4 notifications parse with and without position and category") {
        val fin = meta("notifications" to listOf(cartesian, deprecated), "type" to "r", "t_last" to 0, "db" to "neo4j")
        val s = ResultSummary.from(inputs(neo4j44, meta("fields" to listOf("a"), "t_first" to 2), fin, hadRecords = true))
        val (c, d) = s.notifications
        c.code shouldBe "Neo.ClientNotification.Statement.CartesianProduct"
        c.severity shouldBe NotificationSeverity.INFORMATION
        c.category shouldBe NotificationCategory.PERFORMANCE
        c.position shouldBe InputPosition(0, 1, 1)
        d.severity shouldBe NotificationSeverity.WARNING
        d.rawSeverity shouldBe "WARNING"
        d.rawCategory.shouldBeNull()
        d.category shouldBe NotificationCategory.UNKNOWN
        d.position.shouldBeNull()
        d.description shouldBe "The query used a deprecated function: `id`."
    }

    test("derived GQL statuses: warning first, then success, then informational") {
        val fin = meta("notifications" to listOf(cartesian, deprecated))
        val s = ResultSummary.from(inputs(neo4j44, meta("fields" to listOf("a")), fin, hadRecords = true))
        s.gqlStatusObjects.map { it.gqlStatus } shouldBe listOf("01N42", "00000", "03N42")
        val warn = s.gqlStatusObjects[0]
        warn.notification shouldBe s.notifications[1]
        warn.statusDescription shouldBe "The query used a deprecated function: `id`."
        warn.diagnosticRecord shouldBe mapOf(
            "OPERATION" to StringValue(""), "OPERATION_CODE" to StringValue("0"), "CURRENT_SCHEMA" to StringValue("/"),
            "_severity" to StringValue("WARNING"),
        )
        val info = s.gqlStatusObjects[2]
        info.position shouldBe InputPosition(0, 1, 1)
        info.classification shouldBe NotificationCategory.PERFORMANCE
        info.diagnosticRecord["_position"] shouldBe MapValue(mapOf("offset" to IntegerValue(0), "line" to IntegerValue(1), "column" to IntegerValue(1)))
        s.gqlStatusObjects[1].statusDescription shouldBe "note: successful completion"
    }

    test("derived outcome: no data when columns but no records, omitted result without columns") {
        val noData = ResultSummary.from(inputs(neo4j44, meta("fields" to listOf("a")), meta("notifications" to listOf(deprecated)), false))
        noData.gqlStatusObjects.map { it.gqlStatus } shouldBe listOf("02000", "01N42")
        noData.gqlStatusObjects[0].statusDescription shouldBe "note: no data"
        val omitted = ResultSummary.from(inputs(neo4j44, meta("fields" to emptyList<String>()), emptyMap(), false))
        omitted.gqlStatusObjects.single().gqlStatus shouldBe "00001"
        omitted.gqlStatusObjects.single().statusDescription shouldBe "note: successful completion - omitted result"
    }

    test("notification without description gets the GQL default description; unknown severity is informational") {
        val odd = meta("notifications" to listOf(mapOf("code" to "X.Y", "severity" to "SHOUTING", "category" to "NEW_ONE")))
        val s = ResultSummary.from(inputs(neo4j44, meta("fields" to listOf("a")), odd, true))
        val n = s.notifications.single()
        n.severity shouldBe NotificationSeverity.UNKNOWN
        n.rawSeverity shouldBe "SHOUTING"
        n.category shouldBe NotificationCategory.UNKNOWN
        n.rawCategory shouldBe "NEW_ONE"
        n.title shouldBe ""
        val status = s.gqlStatusObjects.last()
        status.gqlStatus shouldBe "03N42"
        status.statusDescription shouldBe "info: unknown notification"
    }

    test("Memgraph: sparse metadata, extra fields ignored, nothing throws") {
        val run = meta("fields" to listOf("n"), "qid" to 0)
        val fin = meta(
            "has_more" to false, "type" to "rw",
            "stats" to mapOf("nodes-created" to 1, "properties-set" to 1, "labels-added" to 1),
            "plan_execution_time" to 0.000351, "cost_estimate" to 1.0, "parsing_time" to 0.0001, "planning_time" to 0.0002,
        )
        val s = ResultSummary.from(inputs(memgraph, run, fin, hadRecords = true))
        s.queryType shouldBe QueryType.READ_WRITE
        s.counters.nodesCreated shouldBe 1
        s.counters.containsUpdates shouldBe true
        s.database.shouldBeNull()
        s.resultAvailableAfter.shouldBeNull()
        s.resultConsumedAfter.shouldBeNull()
        s.plan.shouldBeNull()
        s.notifications.shouldBeEmpty()
        s.gqlStatusObjects.map { it.gqlStatus } shouldBe listOf("00000")
        s.server.agent shouldBe "Neo4j/v5.11.0 compatible graph database server - Memgraph"
    }

    test("completely empty metadata gives defaults") {
        val s = ResultSummary.from(inputs(memgraph, emptyMap(), emptyMap(), hadRecords = false))
        s.queryType.shouldBeNull()
        s.counters shouldBe SummaryCounters.EMPTY
        s.counters.containsUpdates shouldBe false
        s.gqlStatusObjects.map { it.gqlStatus } shouldBe listOf("00001")
    }

    test("oddly typed optional fields read as absent") {
        val fin = meta("type" to 1, "db" to listOf("x"), "t_last" to "soon", "stats" to "none", "notifications" to listOf("not a map", 3))
        val s = ResultSummary.from(inputs(memgraph, meta("fields" to "n"), fin, hadRecords = true))
        s.queryType.shouldBeNull()
        s.database.shouldBeNull()
        s.resultConsumedAfter.shouldBeNull()
        s.counters shouldBe SummaryCounters.EMPTY
        s.notifications.shouldBeEmpty()
    }
})

package org.boltkt.client.summary

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeSameInstanceAs
import org.boltkt.client.summary.SummaryFixtures.cartesianStatus
import org.boltkt.client.summary.SummaryFixtures.inputs
import org.boltkt.client.summary.SummaryFixtures.meta
import org.boltkt.client.summary.SummaryFixtures.neo4j526
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import kotlin.time.Duration.Companion.milliseconds

class ResultSummaryNeo4jSpec : FunSpec({
    test("write query on Neo4j 5.26 (Bolt 5.8): counters, type, db, timings, success status") {
        val run = meta("fields" to listOf("n"), "t_first" to 3, "qid" to 0)
        val fin = meta(
            "bookmark" to "FB:kcwQ",
            "stats" to mapOf("nodes-created" to 2, "labels-added" to 2, "properties-set" to 4, "contains-updates" to true),
            "type" to "rw", "t_last" to 1, "db" to "neo4j",
            "statuses" to listOf(
                mapOf(
                    "gql_status" to "00000", "status_description" to "note: successful completion",
                    "diagnostic_record" to mapOf("OPERATION" to "", "OPERATION_CODE" to "0", "CURRENT_SCHEMA" to "/"),
                ),
            ),
        )
        val s = ResultSummary.from(inputs(neo4j526, run, fin, hadRecords = true, query = "CREATE (n:P {a:1,b:2}) RETURN n"))
        s.query.text shouldBe "CREATE (n:P {a:1,b:2}) RETURN n"
        s.query.parameters shouldBe mapOf("x" to IntegerValue(1))
        s.queryType shouldBe QueryType.READ_WRITE
        s.counters shouldBe SummaryCounters(nodesCreated = 2, labelsAdded = 2, propertiesSet = 4)
        s.counters.containsUpdates shouldBe true
        s.counters.containsSystemUpdates shouldBe false
        s.database shouldBe "neo4j"
        s.resultAvailableAfter shouldBe 3.milliseconds
        s.resultConsumedAfter shouldBe 1.milliseconds
        s.server shouldBeSameInstanceAs neo4j526
        s.plan.shouldBeNull()
        s.profile.shouldBeNull()
        s.notifications.shouldBeEmpty()
        s.gqlStatusObjects.map { it.gqlStatus } shouldBe listOf("00000")
        s.gqlStatusObjects[0].isNotification shouldBe false
        s.gqlStatusObjects[0].statusDescription shouldBe "note: successful completion"
    }

    test("5.6+ statuses: notification view, diagnostic record defaults filled, server order kept") {
        val noDefaults = mapOf(
            "gql_status" to "01N00", "status_description" to "warn: feature deprecated.",
            "neo4j_code" to "Neo.ClientNotification.Statement.FeatureDeprecationWarning",
            "title" to "This feature is deprecated",
            "diagnostic_record" to mapOf("_classification" to "DEPRECATION", "_severity" to "WARNING"),
        )
        val fin = meta(
            "statuses" to listOf(
                mapOf("gql_status" to "02000", "status_description" to "note: no data"),
                noDefaults, cartesianStatus,
            ),
        )
        val s = ResultSummary.from(inputs(neo4j526, meta("fields" to listOf("a", "b")), fin, hadRecords = false))
        s.gqlStatusObjects.map { it.gqlStatus } shouldBe listOf("02000", "01N00", "03N90")

        val noData = s.gqlStatusObjects[0]
        noData.diagnosticRecord shouldBe GqlStatusObject.DIAGNOSTIC_RECORD_DEFAULTS
        noData.notification.shouldBeNull()
        noData.severity shouldBe NotificationSeverity.UNKNOWN
        noData.rawSeverity.shouldBeNull()

        val deprecation = s.gqlStatusObjects[1]
        deprecation.diagnosticRecord["OPERATION_CODE"] shouldBe StringValue("0")
        deprecation.diagnosticRecord["_severity"] shouldBe StringValue("WARNING")
        deprecation.classification shouldBe NotificationCategory.DEPRECATION
        deprecation.severity shouldBe NotificationSeverity.WARNING
        deprecation.position.shouldBeNull()
        deprecation.notification!!.description shouldBe "warn: feature deprecated."

        val cart = s.gqlStatusObjects[2]
        cart.position shouldBe InputPosition(6, 1, 7)
        (cart.diagnosticRecord["_status_parameters"] as MapValue).entries["pat"] shouldBe StringValue("(a:A), (b:B)")

        s.notifications shouldBe listOf(deprecation.notification, cart.notification)
        s.notifications[1] shouldBe Notification(
            code = "Neo.ClientNotification.Statement.CartesianProduct",
            title = "This query builds a cartesian product between disconnected patterns.",
            description = "If a part of a query contains multiple disconnected patterns, this will build a cartesian product.",
            rawSeverity = "INFORMATION", severity = NotificationSeverity.INFORMATION,
            rawCategory = "PERFORMANCE", category = NotificationCategory.PERFORMANCE,
            position = InputPosition(6, 1, 7),
        )
    }

    test("PROFILE: recursive profiled plan with statistics; plan falls back to the profile") {
        val s = ResultSummary.from(inputs(neo4j526, meta("fields" to listOf("n")), meta("profile" to SummaryFixtures.profile, "type" to "r"), true))
        val p = s.profile!!
        s.plan shouldBeSameInstanceAs p
        s.hasPlan shouldBe true
        s.hasProfile shouldBe true
        s.queryType shouldBe QueryType.READ_ONLY
        p.operatorType shouldBe "ProduceResults@neo4j"
        p.identifiers shouldBe listOf("n")
        p.arguments["EstimatedRows"] shouldBe FloatValue(10.0)
        p.arguments["planner"] shouldBe StringValue("COST")
        p.records shouldBe 3
        p.dbHits shouldBe 0
        p.pageCacheHits shouldBe 2
        p.pageCacheMisses shouldBe 1
        p.pageCacheHitRatio shouldBe 0.6666
        p.time shouldBe 12345
        p.hasPageCacheStats shouldBe true
        val child = p.children.single()
        child.operatorType shouldBe "NodeByLabelScan@neo4j"
        child.dbHits shouldBe 4
        child.children.shouldBeEmpty()
    }

    test("EXPLAIN: plain plan without statistics") {
        val plan = meta(
            "plan" to mapOf(
                "operatorType" to "ProduceResults@neo4j", "identifiers" to listOf("n"), "args" to mapOf("Details" to "n"),
                "children" to listOf(mapOf("operatorType" to "AllNodesScan@neo4j", "identifiers" to listOf("n"))),
            ),
        )
        val s = ResultSummary.from(inputs(neo4j526, meta("fields" to listOf("n")), plan, hadRecords = false))
        s.profile.shouldBeNull()
        val p = s.plan!!
        (p is ProfiledPlan) shouldBe false
        p.children.single().operatorType shouldBe "AllNodesScan@neo4j"
        p.children.single().arguments shouldBe emptyMap()
        p shouldBe Plan("ProduceResults@neo4j", listOf("n"), mapOf("Details" to StringValue("n")), listOf(Plan("AllNodesScan@neo4j", listOf("n"), emptyMap(), emptyList())))
    }

    test("a plan operator without operatorType is a clear error naming the path") {
        val bad = meta("plan" to mapOf("operatorType" to "A", "children" to listOf(mapOf("identifiers" to listOf("x")))))
        shouldThrow<IllegalArgumentException> { ResultSummary.from(inputs(neo4j526, emptyMap(), bad, false)) }.message shouldBe
            "malformed summary metadata: plan.children[0].operatorType is missing"
        val badType = meta("profile" to mapOf("operatorType" to 1))
        shouldThrow<IllegalArgumentException> { ResultSummary.from(inputs(neo4j526, emptyMap(), badType, false)) }.message shouldContain
            "profile.operatorType must be a STRING, got INTEGER"
        val badStatus = meta("statuses" to listOf(mapOf("status_description" to "x")))
        shouldThrow<IllegalArgumentException> { ResultSummary.from(inputs(neo4j526, emptyMap(), badStatus, false)) }.message shouldContain "gql_status"
    }

    test("system updates and schema query type") {
        val fin = meta("stats" to mapOf("system-updates" to 1, "contains-system-updates" to true), "type" to "s", "db" to "system")
        val s = ResultSummary.from(inputs(neo4j526, meta("fields" to emptyList<String>()), fin, false))
        s.queryType shouldBe QueryType.SCHEMA_WRITE
        s.counters.systemUpdates shouldBe 1
        s.counters.containsSystemUpdates shouldBe true
        s.counters.containsUpdates shouldBe false
        s.database shouldBe "system"
    }
})

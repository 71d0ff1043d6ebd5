package org.boltkt.client.it

import org.boltkt.client.NotificationDisabledClassification
import org.boltkt.client.NotificationFilterConfig
import org.boltkt.client.NotificationMinimumSeverity
import org.boltkt.client.summary.NotificationCategory
import org.boltkt.client.summary.NotificationSeverity
import org.boltkt.client.summary.QueryType
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** Summaries parsed from what real servers send: counters, query type, plan, profile, notifications, GQL statuses. */
class SummaryAgainstServerTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `counters, query type, database and timings of a write`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        driver.session().use { session ->
            val summary = session.run("CREATE (a:BoltktSum {v: 1})-[:R]->(b:BoltktSum) SET a.w = 2 WITH a, b DETACH DELETE a, b").consume()
            assertEquals(QueryType.WRITE_ONLY, summary.queryType)
            assertEquals(2, summary.counters.nodesCreated)
            assertEquals(2, summary.counters.nodesDeleted)
            assertEquals(1, summary.counters.relationshipsCreated)
            assertTrue(summary.counters.containsUpdates)
            assertEquals("neo4j", summary.database)
            assertNotNull(summary.resultAvailableAfter)
            assertEquals("CREATE (a:BoltktSum {v: 1})-[:R]->(b:BoltktSum) SET a.w = 2 WITH a, b DETACH DELETE a, b", summary.query.text)
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `profile and explain plans`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        driver.session().use { session ->
            val profiled = session.run("PROFILE UNWIND range(1, 10) AS i RETURN i").consume()
            val profile = profiled.profile!!
            assertEquals("ProduceResults", profile.operatorType.substringBefore('@'))
            assertEquals(10L, profile.records)
            assertTrue(profile.children.isNotEmpty())

            val explained = session.run("EXPLAIN MATCH (n) RETURN n").consume()
            assertNull(explained.profile)
            assertEquals("ProduceResults", explained.plan!!.operatorType.substringBefore('@'))
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `a cartesian product is reported as a structured notification with its position`(version: Neo4jVersion) =
        withDriver(version) { driver, _ ->
            driver.session().use { session ->
                val summary = session.run("EXPLAIN MATCH (a:BoltktNone), (b:BoltktNone) RETURN a, b").consume()
                val notification = summary.notifications.single { it.code == "Neo.ClientNotification.Statement.CartesianProduct" }
                assertEquals("PERFORMANCE", notification.rawCategory)
                assertEquals("INFORMATION", notification.rawSeverity)
                assertEquals(1L, notification.position!!.line)
                assertTrue(summary.gqlStatusObjects.any { it.gqlStatus == "03N90" }, "statuses: ${summary.gqlStatusObjects.map { it.gqlStatus }}")
            }
        }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `notification filters from the driver and the session reach the server`(version: Neo4jVersion) =
        withDriver(version, { notificationFilter = NotificationFilterConfig.DISABLE_ALL }) { driver, _ ->
            val query = "EXPLAIN MATCH (a:BoltktNone), (b:BoltktNone) RETURN a, b"
            driver.session().use { session ->
                assertTrue(session.run(query).consume().notifications.isEmpty(), "driver-level filter OFF silences all")
            }
            driver.session { notificationFilter = NotificationFilterConfig(NotificationMinimumSeverity.INFORMATION) }.use { session ->
                assertTrue(session.run(query).consume().notifications.isNotEmpty(), "the session's filter overrides the driver's")
            }
        }

    /**
     * An unknown label is a WARNING of classification UNRECOGNIZED on both servers, the cartesian product an
     * INFORMATION of PERFORMANCE: each typed filter removes exactly what it names.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `typed filters suppress a warning notification`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val query = "EXPLAIN MATCH (a:BoltktNoSuchLabel), (b:BoltktNoSuchLabel) RETURN a, b"
        suspend fun notificationsWith(filter: NotificationFilterConfig?) =
            driver.session { notificationFilter = filter }.use { it.run(query).consume().notifications }

        val unfiltered = notificationsWith(null)
        val warnings = unfiltered.filter { it.code == "Neo.ClientNotification.Statement.UnknownLabelWarning" }
        assertTrue(warnings.isNotEmpty(), "unknown-label warning expected: $unfiltered")
        assertTrue(warnings.all { it.severity == NotificationSeverity.WARNING && it.category == NotificationCategory.UNRECOGNIZED }, "$warnings")
        assertTrue(unfiltered.any { it.severity == NotificationSeverity.INFORMATION }, "cartesian product: $unfiltered")

        val noUnrecognized = notificationsWith(NotificationFilterConfig.disabling(NotificationDisabledClassification.UNRECOGNIZED))
        assertTrue(noUnrecognized.none { it.category == NotificationCategory.UNRECOGNIZED }, "UNRECOGNIZED disabled: $noUnrecognized")
        assertTrue(noUnrecognized.any { it.category == NotificationCategory.PERFORMANCE }, "PERFORMANCE still sent: $noUnrecognized")

        val warningsOnly = notificationsWith(NotificationFilterConfig(NotificationMinimumSeverity.WARNING))
        assertEquals(warnings.map { it.code }.toSet(), warningsOnly.map { it.code }.toSet(), "minimum severity WARNING: $warningsOnly")
        assertTrue(warningsOnly.all { it.severity == NotificationSeverity.WARNING }, "minimum severity WARNING: $warningsOnly")

        assertEquals(emptyList<Any>(), notificationsWith(NotificationFilterConfig.DISABLE_ALL), "OFF disables all")
    }
}

package org.boltkt.client.admin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.Driver
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.routing.Routing
import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.HandshakeAnswer
import org.boltkt.testing.scripted.ScriptedCluster
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import java.time.Duration
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.seconds

/** `driver.admin` against scripted Memgraph answers (the shapes its documentation gives). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemgraphAdminTest {
    private fun withMemgraph(agent: String, script: AdminScriptedServer.() -> Unit, block: suspend (Driver, AdminScriptedServer) -> Unit) =
        withAdminServer(AdminScriptedServer(agent).apply(script), block)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = ["Memgraph/3.2.0", "Neo4j/v5.11.0 compatible graph database server - Memgraph"])
    fun `transactions, queries and termination in Memgraph's columns`(agent: String) = withMemgraph(agent, {
        on(
            "SHOW TRANSACTIONS",
            listOf("username", "transaction_id", "query", "status", "metadata", "start_time", "elapsed_ms"),
            listOf("alice", "9223372036854794885", listOf("BEGIN", "MATCH (n) RETURN count(n)"), "running", mapOf("app" to "etl"), ZonedDateTime.of(2026, 12, 2, 8, 0, 0, 0, ZoneOffset.UTC), 1500L),
            listOf("", "9223372036854794896", listOf("SHOW TRANSACTIONS"), "running", emptyMap<String, Any>(), null, 1L),
        )
        on("TERMINATE TRANSACTIONS \"9223372036854794885\"", listOf("transaction_id", "killed"), listOf("9223372036854794885", true))
    }) { driver, server ->
        val detected = driver.admin.server()
        detected.family shouldBe ServerFamily.MEMGRAPH
        detected.version shouldBe (if (agent.startsWith("Memgraph/")) "3.2.0" else null)
        detected.edition.shouldBeNull()

        val transactions = driver.admin.transactions()
        transactions.size shouldBe 2
        val etl = transactions[0]
        etl.id shouldBe "9223372036854794885"
        etl.user shouldBe "alice"
        etl.status shouldBe "running"
        etl.currentQuery shouldBe "MATCH (n) RETURN count(n)"
        etl.metadata shouldBe mapOf("app" to "etl")
        etl.elapsed shouldBe Duration.ofMillis(1500)
        etl.startTime shouldBe ZonedDateTime.of(2026, 12, 2, 8, 0, 0, 0, ZoneOffset.UTC).toInstant()
        etl.database.shouldBeNull()
        etl.clientAddress.shouldBeNull()
        transactions[1].user.shouldBeNull() // "" when authentication is off

        driver.admin.queries().map { it.id to it.query } shouldBe listOf(
            "9223372036854794885" to "MATCH (n) RETURN count(n)",
            "9223372036854794896" to "SHOW TRANSACTIONS",
        )
        val killed = driver.admin.killQuery("9223372036854794885")
        killed.terminated shouldBe true
        driver.admin.terminateTransaction("9223372036854794885").terminated shouldBe true
        server.queries.count { it.startsWith("TERMINATE") } shouldBe 2
    }

    @Test
    fun `configuration from SHOW CONFIG, databases from SHOW DATABASES`() = withMemgraph("Memgraph/3.2.0", {
        on(
            "SHOW CONFIG",
            listOf("name", "default_value", "current_value", "description"),
            listOf("log_level", "WARNING", "TRACE", "Minimum log level."),
            listOf("query_execution_timeout_sec", "600", "600", "Maximum allowed query execution time."),
        )
        on("SHOW DATABASES", listOf("Name"), listOf("memgraph"), listOf("tenant1"))
        on("CREATE DATABASE `tenant2`", emptyList())
    }) { driver, server ->
        val level = driver.admin.setting("log_level").shouldNotBeNull()
        level.value shouldBe "TRACE"
        level.defaultValue shouldBe "WARNING"
        level.description shouldBe "Minimum log level."
        level.isDynamic.shouldBeNull()
        driver.admin.setting("nope").shouldBeNull()
        driver.admin.settings().map { it.name } shouldBe listOf("log_level", "query_execution_timeout_sec")

        val databases = driver.admin.databases()
        databases.map { it.name } shouldBe listOf("memgraph", "tenant1")
        databases.first().currentStatus.shouldBeNull()
        driver.admin.waitUntilOnline("tenant1", 5.seconds)
        driver.admin.createDatabase("tenant2")
        server.queries.last() shouldBe "CREATE DATABASE `tenant2`"
    }

    @Test
    fun `what Memgraph cannot do fails before anything is sent`() = withMemgraph("Memgraph/3.2.0", {}) { driver, server ->
        driver.admin.server()
        val before = server.queries.toList()
        val refused = shouldThrow<UnsupportedFeatureException> { driver.admin.connections() }
        refused.server shouldBe "Memgraph 3.2.0"
        refused.edition.shouldBeNull()
        refused.operation shouldBe "connections"
        refused.message.shouldNotBeNull() shouldContain "Memgraph 3.2.0 (edition unknown)"
        shouldThrow<UnsupportedFeatureException> { driver.admin.killConnection("1") }.operation shouldBe "killConnection"
        shouldThrow<UnsupportedFeatureException> { driver.admin.startDatabase("tenant1") }.operation shouldBe "startDatabase"
        shouldThrow<UnsupportedFeatureException> { driver.admin.stopDatabase("tenant1") }.operation shouldBe "stopDatabase"
        shouldThrow<IllegalArgumentException> { driver.admin.terminateTransaction("1\" OR true") }
        server.queries shouldBe before
    }

    @Test
    fun `in a Memgraph HA cluster the members are the data instances, each asked on its own`() {
        ScriptedCluster(5, HandshakeAnswer.Negotiate(listOf(VersionRange.of(BoltVersion(5, 2)))), serverAgent = "Memgraph/3.1.0").use { c ->
            // Coordinators 0 and 1 route; 2 is the MAIN, 3 and 4 REPLICAs. Each data instance lists its own transaction.
            c.table(routers = listOf(0, 1), readers = listOf(3, 4), writers = listOf(2), ttlSeconds = 10, database = null)
            for (i in 2..4) {
                val answers = AdminScriptedServer("Memgraph/3.1.0").apply {
                    on("SHOW TRANSACTIONS", listOf("username", "transaction_id", "query", "metadata"), listOf("", "$i", listOf("MATCH (n) RETURN n"), emptyMap<String, Any>()))
                }
                c.intercept(i, answers::scriptedOnly)
            }
            Routing.withDriver(c, uri = c.uri(0, 1)) { driver ->
                driver.admin.members() shouldBe (2..4).map { c.address(it) }
                driver.admin.transactions(Member.every()).map { it.member to it.id } shouldBe (2..4).map { c.address(it) to "$it" }
                driver.admin.transactions(Member.at(c.address(3))).single().id shouldBe "3"
            }
            c.runsOn(0) shouldBe emptyList()
            c.runsOn(1) shouldBe emptyList()
        }
    }
}

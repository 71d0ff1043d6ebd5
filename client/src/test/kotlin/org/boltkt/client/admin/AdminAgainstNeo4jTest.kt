package org.boltkt.client.admin

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.kotest.matchers.types.shouldBeInstanceOf
import org.boltkt.client.BoltDriver
import org.boltkt.client.TransactionConfig
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.DatabaseNotOnlineException
import org.boltkt.client.error.TransactionTerminatedException
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.it.withDriver
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.UUID
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.seconds

/** `driver.admin` against real Neo4j 5.26 and 2026.x Community servers. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminAgainstNeo4jTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `lists transactions, terminates one held open by another session, which then fails with TransactionTerminatedException`(version: Neo4jVersion) =
        withDriver(version) { driver, _ ->
            val tag = "admin-test-" + UUID.randomUUID()
            driver.session().use { victim ->
                val tx = victim.beginTransaction(TransactionConfig(metadata = mapOf("tag" to tag)))
                tx.run("RETURN 1 AS n").list()

                val held = driver.admin.transactions().single { it.metadata["tag"] == tag }
                held.id shouldStartWith "neo4j-transaction-"
                held.database shouldBe "neo4j"
                held.user shouldBe "neo4j"
                held.connectionId.shouldNotBeNull()
                held.clientAddress.shouldNotBeNull()
                held.elapsed.shouldNotBeNull()
                held.startTime.shouldNotBeNull()

                val result = driver.admin.terminateTransaction(held.id)
                result.terminated shouldBe true
                result.id shouldBe held.id
                result.message.shouldNotBeNull() shouldStartWith "Transaction terminated"

                val failure = shouldThrow<TransactionTerminatedException> { tx.run("RETURN 2 AS n").list() }
                failure.code.shouldNotBeNull() shouldContain "Terminated"
                failure.isRetryable shouldBe false
                tx.close()
            }
            driver.admin.transactions().none { it.metadata["tag"] == tag } shouldBe true
            val unknown = driver.admin.terminateTransaction("neo4j-transaction-999999999")
            unknown.terminated shouldBe false
            unknown.message.shouldNotBeNull() shouldContain "not found"
        }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `detects the server and its edition, reads settings and lists databases`(version: Neo4jVersion) = withDriver(version) { driver, server ->
        val detected = driver.admin.server()
        detected.family shouldBe ServerFamily.NEO4J
        detected.version shouldBe server.serverVersion
        detected.edition shouldBe "community"

        val timeout = driver.admin.setting("db.transaction.timeout").shouldNotBeNull()
        timeout.value shouldBe "0s"
        timeout.isDynamic shouldBe true
        timeout.description.shouldNotBeNull()
        driver.admin.setting("no.such.setting").shouldBeNull()
        driver.admin.settings().map { it.name } shouldContain "server.bolt.listen_address"

        val databases = driver.admin.databases()
        val neo4j = databases.single { it.name == "neo4j" }
        neo4j.isDefault shouldBe true
        neo4j.currentStatus shouldBe "online"
        neo4j.role shouldBe "primary"
        databases.map { it.name } shouldContain "system"
        driver.admin.waitUntilOnline("neo4j", 10.seconds)
        val missing = shouldThrow<DatabaseNotOnlineException> { driver.admin.waitUntilOnline("no-such-db", 1.seconds) }
        missing.lastStatus.shouldBeNull()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `queries and connections are listed and a connection of another driver is killed`(version: Neo4jVersion) = withDriver(version) { driver, server ->
        driver.admin.queries().map { it.query } shouldContain "SHOW TRANSACTIONS YIELD *"
        driver.admin.killQuery("query-999999999").terminated shouldBe false

        val agent = "admin-victim/" + UUID.randomUUID()
        val other = BoltDriver(server.boltUri.toString(), AuthTokens.basic(server.user, server.password)) { userAgent = agent }
        try {
            other.verifyConnectivity()
            val victim = driver.admin.connections().single { it.userAgent == agent }
            victim.id shouldStartWith "bolt-"
            victim.user shouldBe "neo4j"
            victim.connectTime.shouldNotBeNull()
            victim.clientAddress.shouldNotBeNull()
            driver.admin.killConnection(victim.id).terminated shouldBe true
            driver.admin.killConnection("bolt-999999999").terminated shouldBe false
        } finally {
            other.close()
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `Enterprise-only operations fail before sending on Community`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val refused = shouldThrow<UnsupportedFeatureException> { driver.admin.createDatabase("admintest") }
        refused.edition shouldBe "community"
        refused.operation shouldBe "createDatabase"
        refused.server.shouldNotBeNull() shouldStartWith "Neo4j "
        refused.message.shouldNotBeNull() shouldContain "Enterprise"
        refused.isRetryable shouldBe false
        shouldThrow<UnsupportedFeatureException> { driver.admin.dropDatabase("admintest") }.operation shouldBe "dropDatabase"
        shouldThrow<UnsupportedFeatureException> { driver.admin.startDatabase("neo4j") }.operation shouldBe "startDatabase"
        shouldThrow<UnsupportedFeatureException> { driver.admin.stopDatabase("neo4j") }.operation shouldBe "stopDatabase"
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `per-member operations address the member a neo4j URI's routing table names`(version: Neo4jVersion) {
        val server = neo4jServerOrSkip(version)
        runBlocking {
            val driver = BoltDriver("neo4j://${server.host}:${server.port}", AuthTokens.basic(server.user, server.password))
            try {
                val members = driver.admin.members()
                members.shouldNotBeEmpty()
                val member = members.first()
                val listed = driver.admin.transactions(Member.at(member))
                listed.map { it.member }.toSet() shouldBe setOf(member)
                driver.admin.settings(Member.every()).map { it.member }.toSet() shouldBe members.toSet()
                val wrong = shouldThrow<ClientException> { driver.admin.transactions(Member.at("not-a-member:1")) }
                wrong.message.shouldNotBeNull() shouldContain "not a member"
            } finally {
                driver.close()
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `a bolt driver has one member, the server it reaches`(version: Neo4jVersion) = withDriver(version) { driver, server ->
        val members = driver.admin.members()
        members shouldBe listOf("${server.host}:${server.port}")
        driver.admin.transactions(Member.every()).shouldNotBeEmpty()
        driver.admin.transactions(Member.at(members.single())).map { it.member }.toSet() shouldBe members.toSet()
        shouldThrow<ClientException> { driver.admin.settings(Member.at("elsewhere:7687")) }.shouldBeInstanceOf<ClientException>()
    }
}

package org.boltkt.client.routing

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainOnly
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.admin.Member
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.error.SessionExpiredException
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getString
import org.boltkt.client.use
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jServerSpec
import org.boltkt.testsupport.neo4j.Neo4jServers
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.assumeNeo4jAvailable
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.TestMethodOrder
import org.junit.jupiter.api.Timeout
import java.util.Collections
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/**
 * Three real Neo4j 5.26 servers (A writer; B and C readers) behind a scripted router that answers ROUTE with their
 * addresses. Each server is standalone, so the data it holds tells which one served a query. Stages run in order
 * on the same servers: spread and placement, a reader killed mid-run, the writer killed and replaced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation::class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RealServersRoutingTest {
    private val version = Neo4jVersion.LTS_5_26
    private lateinit var servers: Map<String, Neo4jServer>
    private lateinit var router: ScriptedCluster

    @BeforeAll
    fun start() {
        assumeNeo4jAvailable(version)
        val pool = Executors.newFixedThreadPool(3)
        try {
            servers = listOf("A", "B", "C")
                .associateWith { name -> pool.submit<Neo4jServer> { Neo4jServers.startPrivate(Neo4jServerSpec(version, name = "routing-$name")) } }
                .mapValues { it.value.get(4, TimeUnit.MINUTES) }
        } finally {
            pool.shutdown()
        }
        servers.forEach { (name, server) -> direct(server) { d -> d.executeQuery("MERGE (:Instance {name: \$name})", mapOf("name" to name)) } }
        router = ScriptedCluster(1)
        route(writer = "A", readers = listOf("B", "C"))
    }

    @AfterAll
    fun stop() {
        if (::router.isInitialized) router.close()
        if (::servers.isInitialized) servers.values.forEach { s -> if (s.isAlive) crash(s) }
    }

    private fun address(name: String) = servers.getValue(name).let { "${it.host}:${it.port}" }

    private fun route(writer: String, readers: List<String>) {
        router.answer = ScriptedCluster.RoutingAnswer(listOf(router.address(0)), readers.map(::address), listOf(address(writer)), ttlSeconds = 300)
    }

    private fun <T> direct(server: Neo4jServer, block: suspend (Driver) -> T): T = runBlocking {
        val d = BoltDriver(server.boltUri.toString(), AuthTokens.basic(server.user, server.password))
        try { block(d) } finally { d.close() }
    }

    private fun routed(block: suspend (Driver) -> Unit) = runBlocking {
        val s = servers.getValue("A")
        val d = BoltDriver(router.uri(), AuthTokens.basic(s.user, s.password)) {
            maxTransactionRetryTime = 30.seconds
            connectionTimeout = 5.seconds
        }
        try { withTimeout(3.minutes) { block(d) } } finally { d.close() }
    }

    /** Which instance served: each standalone server holds only its own `:Instance` node. */
    private suspend fun Driver.servedBy(): String =
        session().use { s -> s.executeRead { tx -> tx.run("MATCH (i:Instance) RETURN i.name AS name").single().getString("name") } }

    /** A crash, not a shutdown: the process is killed and its sockets drop. */
    private fun crash(server: Neo4jServer) {
        ProcessHandle.of(server.pid).ifPresent { it.destroyForcibly(); it.onExit().get(30, TimeUnit.SECONDS) }
    }

    @Test
    @Order(0)
    fun `the operations helpers address each member in its own pool`() = routed { driver ->
        driver.admin.members().toSet() shouldBe setOf(address("A"), address("B"), address("C"))
        val byMember = driver.admin.transactions(Member.every()).groupBy { it.member }
        byMember.keys shouldBe setOf(address("A"), address("B"), address("C"))
        // Each member lists only its own transactions: the SHOW TRANSACTIONS that ran on it.
        byMember.values.forEach { it.single().currentQuery shouldBe "SHOW TRANSACTIONS YIELD *" }
        driver.admin.settings(Member.at(address("B"))).map { it.member }.toSet() shouldBe setOf(address("B"))
    }

    @Test
    @Order(1)
    fun `reads spread across the readers and writes reach the writer`() = routed { driver ->
        val served = (1..20).map { driver.servedBy() }
        served.toSet() shouldBe setOf("B", "C")
        val written = driver.session().use { s ->
            s.executeWrite { tx -> tx.run("CREATE (w:Written {at: 'routed'}) RETURN count(w) AS n").single().getLong("n") }
        }
        written shouldBe 1
        servers.forEach { (name, server) ->
            val count = direct(server) { d -> d.executeQuery("MATCH (w:Written) RETURN count(w) AS n").records.single().getLong("n") }
            count shouldBe (if (name == "A") 1L else 0L)
        }
    }

    @Test
    @Order(2)
    fun `killing a reader mid-run moves reads to the other one without a failed managed transaction`() = routed { driver ->
        val served = Collections.synchronizedList(ArrayList<String>())
        val done = AtomicInteger()
        // B is killed once 12 reads are done and B has served at least one (on a loaded machine B's first connection
        // can be slow, and least-connected selection then sends the first reads to C).
        val crashedAfter = AtomicInteger(-1)
        coroutineScope {
            (1..4).map {
                async {
                    repeat(15) {
                        served += driver.servedBy()
                        val n = done.incrementAndGet()
                        if (n >= 12 && crashedAfter.get() < 0 && served.contains("B") && crashedAfter.compareAndSet(-1, n)) {
                            crash(servers.getValue("B"))
                        }
                    }
                }
            }.awaitAll()
        }
        served.size shouldBe 60
        (crashedAfter.get() > 0) shouldBe true // B served, then died mid-run
        // Once B is dead every read is served by C (those in flight when it died were retried there; the three other
        // workers may still append a read B finished just before). The router still advertises B, as a real cluster
        // does until it notices: the driver skips it on each connect failure.
        served.drop(crashedAfter.get() + 3) shouldContainOnly listOf("C")
    }

    @Test
    @Order(3)
    fun `killing the writer gives a clear error until the router names a new writer, then managed writes land there`() = routed { driver ->
        driver.session().use { s -> s.executeWrite { tx -> tx.run("RETURN 1 AS n").consume() } }
        crash(servers.getValue("A"))
        val e = shouldThrow<SessionExpiredException> {
            driver.session().use { s -> s.run("CREATE (:Lost) RETURN 1 AS n").consume() }
        }
        e.message shouldContain servers.getValue("A").port.toString()
        route(writer = "C", readers = listOf("C"))
        val n = driver.session().use { s ->
            s.executeWrite { tx -> tx.run("CREATE (w:Written {at: 'after failover'}) RETURN count(w) AS n").single().getLong("n") }
        }
        n shouldBe 1
        val onC = direct(servers.getValue("C")) { d -> d.executeQuery("MATCH (w:Written) RETURN count(w) AS n").records.single().getLong("n") }
        onC shouldBe 1
        driver.metrics().size shouldBeGreaterThan 0
    }
}

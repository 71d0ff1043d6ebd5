package org.boltkt.client.routing

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldNotContain
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.error.RoutingUnavailableException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.record.getLong
import org.boltkt.client.routing.Routing.read
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.client.routing.Routing.write
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.testing.scripted.ScriptedCluster
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit

/** `neo4j://` against a scripted cluster: who gets reads and writes, TTL, table changes, seeds, resolver, rewriter. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScriptedRoutingTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `reads go to the readers, spread over them, writes to the writer, with the resolved home database sent`(transport: TransportKind) {
        ScriptedCluster(3).use { c ->
            c.table(routers = listOf(0), readers = listOf(1, 2), writers = listOf(0))
            withDriver(c, transport = transport) { driver ->
                repeat(6) { driver.read("READ $it") shouldBe 1 }
                driver.write("WRITE") shouldBe 1
            }
            c.runsOn(0) shouldContainExactly listOf("WRITE")
            (c.runsOn(1) + c.runsOn(2)).sorted() shouldContainExactly (0 until 6).map { "READ $it" }
            c.runsOn(1).size shouldBe 3
            c.runsOn(2).size shouldBe 3
            c.runs.map { it.database }.toSet() shouldBe setOf("neo4j")
            // The seed answered ROUTE once for the home database (then the table was cached), with the routing context.
            val (member, route) = c.routeRequests.first()
            member shouldBe 0
            (route.field(0) as MapValue).entries["address"] shouldBe StringValue(c.address(0))
        }
    }

    @Test
    fun `an explicit database gets its own table, and bookmarks go with ROUTE`() {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(0), database = "movies")
            withDriver(c) { driver ->
                driver.session { database = "movies"; bookmarks = setOf(Bookmark("bm-1")) }.use { s -> s.run("RETURN 1").consume() }
            }
            val route = c.routeRequests.single().second
            (route.field(1) as ListValue).values shouldBe listOf(StringValue("bm-1"))
            route.extraNative["db"] shouldBe "movies"
            c.runs.single().database shouldBe "movies"
        }
    }

    @Test
    fun `a table is kept for its TTL and fetched again once it expires`() {
        ScriptedCluster(3).use { c ->
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(0), ttlSeconds = 300)
            withDriver(c) { driver ->
                driver.read("A", "neo4j")
                c.table(routers = listOf(0), readers = listOf(2), writers = listOf(0), ttlSeconds = 0)
                driver.read("B", "neo4j") // still the 300 s table: member 1
                c.routeRequests.size shouldBe 1
                driver.routingTable("neo4j")!!.readers shouldBe listOf(address(c, 1))
                driver.updateRoutingTable("neo4j") // forced: now the TTL-0 table, expired at once
                driver.read("C", "neo4j") // expired: fetched again, member 2
                c.routeRequests.size shouldBe 3
                driver.routingTable("neo4j")!!.let { it.readers shouldBe listOf(address(c, 2)); it.expired shouldBe true }
                // member 1 left every table: its pool was closed.
                driver.metrics().map { it.address } shouldNotContain c.address(1)
            }
            c.runsOn(1) shouldContainExactly listOf("A", "B")
            c.runsOn(2) shouldContainExactly listOf("C")
        }
    }

    @Test
    fun `an unreachable reader leaves the table and the next reader serves`() {
        ScriptedCluster(3).use { c ->
            c.table(routers = listOf(0), readers = listOf(1, 2), writers = listOf(0))
            c.stop(1)
            withDriver(c) { driver ->
                repeat(4) { driver.read("R$it") }
                driver.routingTable()!!.readers shouldBe listOf(address(c, 2))
            }
            c.runsOn(2).size shouldBe 4
        }
    }

    @Test
    fun `each new session without a database resolves the home database with ROUTE (no 5_8 cache hint)`() {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(0), database = "home")
            withDriver(c) { driver ->
                driver.session().use { s -> s.run("A").consume(); s.run("B").consume() }
                driver.session().use { s -> s.run("C").consume() }
            }
            c.routeRequests.size shouldBe 2
            c.routeRequests.forEach { (_, r) -> r.extraNative.containsKey("db") shouldBe false }
            c.runs.map { it.database } shouldContainExactly listOf("home", "home", "home")
        }
    }

    @Test
    fun `no router answering is a RoutingUnavailableException naming the addresses tried`() {
        ScriptedCluster(2).use { c ->
            val uri = c.uri(0, 1)
            c.stop(0); c.stop(1)
            withDriver(c, uri = uri) { driver ->
                val e = shouldThrow<RoutingUnavailableException> { driver.read("X") }
                e.shouldBeInstanceOf<ServiceUnavailableException>()
                e.message shouldContain c.address(0)
                e.message shouldContain c.address(1)
                e.isRetryable shouldBe true
            }
        }
    }

    @Test
    fun `a seed list is tried in order when the first seed is down, and known routers come before the seeds`() {
        ScriptedCluster(3).use { c ->
            c.table(routers = listOf(2), readers = listOf(2), writers = listOf(2), ttlSeconds = 0)
            val uri = c.uri(0, 1)
            c.stop(0)
            withDriver(c, uri = uri) { driver ->
                driver.read("A", "neo4j")
                driver.read("B", "neo4j") // TTL 0: asks the known router (2), not the seeds
            }
            c.routeRequests.map { it.first } shouldContainExactly listOf(1, 2)
            c.runsOn(2) shouldContainExactly listOf("A", "B")
        }
    }

    @Test
    fun `bolt seed lists fail over to the next host in order`() {
        ScriptedCluster(2).use { c ->
            val uri = "bolt://${c.address(0)},${c.address(1)}"
            c.stop(0)
            withDriver(c, uri = uri) { driver -> driver.write("W") shouldBe 1 }
            c.runsOn(1) shouldContainExactly listOf("W")
            c.routeRequests shouldBe emptyList()
        }
    }

    @Test
    fun `the resolver maps the seed, the rewriter maps advertised addresses`() {
        ScriptedCluster(2).use { c ->
            // Members advertise names this client cannot resolve (as inside Kubernetes).
            c.answer = ScriptedCluster.RoutingAnswer(
                routers = listOf("core-0.db.svc:7687"), readers = listOf("core-1.db.svc:7687"), writers = listOf("core-0.db.svc:7687"),
            )
            val real = mapOf("core-0.db.svc" to address(c, 0), "core-1.db.svc" to address(c, 1))
            withDriver(c, uri = "neo4j://cluster.invalid:7687", configure = {
                resolver = { seed -> if (seed.host == "cluster.invalid") listOf(address(c, 0)) else listOf(seed) }
                routingAddressRewriter = { advertised -> real[advertised.host] ?: advertised }
            }) { driver ->
                driver.read("R")
                driver.write("W")
                driver.routingTable()!!.routers shouldBe listOf(address(c, 0))
            }
            c.runsOn(1) shouldContainExactly listOf("R")
            c.runsOn(0) shouldContainExactly listOf("W")
        }
    }

    @Test
    fun `a routing table without readers is refused like a failed router and no table is kept`() {
        // Found by testkit (stub/routing test_should_fail_on_routing_table_with_no_reader).
        ScriptedCluster(1).use { c ->
            c.table(routers = listOf(0), readers = emptyList(), writers = listOf(0), database = "neo4j")
            withDriver(c) { driver ->
                val e = shouldThrow<RoutingUnavailableException> { driver.updateRoutingTable("neo4j") }
                e.cause?.message.orEmpty() shouldContain "no reader"
                driver.routingTable("neo4j") shouldBe null
            }
        }
    }

    @Test
    fun `updateRoutingTable sends the bookmarks and returns the new table, bolt drivers have none`() {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(0, 1), readers = listOf(1), writers = listOf(0), ttlSeconds = 42, database = "neo4j")
            withDriver(c) { driver ->
                driver.routingTable("neo4j") shouldBe null
                val t = driver.updateRoutingTable("neo4j", setOf(Bookmark("bm-9")))
                t.database shouldBe "neo4j"
                t.ttlSeconds shouldBe 42
                t.routers shouldBe listOf(address(c, 0), address(c, 1))
                t.writers shouldBe listOf(address(c, 0))
                driver.routingTable("neo4j") shouldBe t
            }
            (c.routeRequests.single().second.field(1) as ListValue).values shouldBe listOf(StringValue("bm-9"))
            withDriver(c, uri = "bolt://${c.address(0)}") { driver ->
                driver.routingTable() shouldBe null
                shouldThrow<org.boltkt.client.error.UnsupportedFeatureException> { driver.updateRoutingTable() }
            }
        }
    }

    companion object {
        fun address(c: ScriptedCluster, i: Int) = ServerAddress("127.0.0.1", c.members[i].port)
    }
}

package org.boltkt.client.routing

import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.shouldBe
import org.boltkt.client.record.getLong
import org.boltkt.client.routing.Routing.read
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.client.routing.Routing.write
import org.boltkt.client.routing.ScriptedRoutingTest.Companion.address
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.CloseAfter
import org.boltkt.testing.scripted.HandshakeAnswer
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.failure
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import java.util.concurrent.TimeUnit

/**
 * Memgraph high availability, scripted with the shapes Memgraph documents: coordinators answer ROUTE (routers: the
 * coordinators; writers: the MAIN; readers: the REPLICAs), the table may carry no `db`, coordinators refuse data
 * queries, and after a failover a REPLICA is promoted to MAIN. Memgraph speaks Bolt 5.2 (older releases 4.3).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemgraphHaRoutingTest {
    private val coordinators = listOf(0, 1)
    private val main = 2
    private val replicas = listOf(3, 4)

    private fun cluster(version: String): ScriptedCluster {
        val (major, minor) = version.split('.').map(String::toInt)
        val c = ScriptedCluster(5, HandshakeAnswer.Negotiate(listOf(VersionRange.of(BoltVersion(major, minor)))), serverAgent = "Memgraph/3.1.0")
        c.table(routers = coordinators, readers = replicas, writers = listOf(main), ttlSeconds = 10, database = null)
        for (coordinator in coordinators) {
            c.intercept(coordinator) { r, _ ->
                if (r.kind == RequestKind.RUN) {
                    listOf(failure("Memgraph.ClientError.MemgraphError.MemgraphError", "Coordinator can run only coordinator queries!"))
                } else {
                    null
                }
            }
        }
        return c
    }

    @ParameterizedTest(name = "Bolt {0}")
    @ValueSource(strings = ["5.2", "4.3"])
    fun `coordinators route reads to replicas and writes to the main, naming no database`(version: String) {
        cluster(version).use { c ->
            withDriver(c, uri = c.uri(0, 1)) { driver ->
                repeat(4) { driver.read("MATCH (n) RETURN count(n) AS n") shouldBe 1 }
                driver.write("CREATE (n) RETURN 1 AS n") shouldBe 1
            }
            coordinators.forEach { c.runsOn(it) shouldBe emptyList() }
            c.runsOn(main) shouldContainExactly listOf("CREATE (n) RETURN 1 AS n")
            replicas.forEach { c.runsOn(it).size shouldBe 2 }
            c.runs.map { it.database }.toSet() shouldBe setOf(null)
            c.routeRequests.map { it.first }.toSet() shouldBe setOf(0)
        }
    }

    @ParameterizedTest(name = "Bolt {0}")
    @ValueSource(strings = ["5.2", "4.3"])
    fun `after a failover the managed write retries on the promoted replica`(version: String) {
        cluster(version).use { c ->
            c.intercept(main) { r, _ ->
                if (r.kind == RequestKind.RUN) {
                    // The MAIN crashes mid-transaction; the coordinators promote replica 3.
                    c.table(routers = coordinators, readers = listOf(4), writers = listOf(3), ttlSeconds = 10, database = null)
                    throw CloseAfter()
                }
                null
            }
            withDriver(c, uri = c.uri(0, 1), transport = TransportKind.NIO) { driver ->
                driver.session().use { s -> s.executeWrite { tx -> tx.run("CREATE (n) RETURN 1 AS n").single().getLong("n") } } shouldBe 1
                driver.routingTable()!!.let {
                    it.writers shouldBe listOf(address(c, 3))
                    it.routers shouldContainExactlyInAnyOrder listOf(address(c, 0), address(c, 1))
                }
            }
            c.runsOn(main) shouldContainExactly listOf("CREATE (n) RETURN 1 AS n")
            c.runsOn(3) shouldContainExactly listOf("CREATE (n) RETURN 1 AS n")
        }
    }
}

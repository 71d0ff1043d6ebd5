package org.boltkt.client.routing

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.error.NotALeaderException
import org.boltkt.client.error.SessionExpiredException
import org.boltkt.client.error.TransientException
import org.boltkt.client.record.getLong
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.client.routing.ScriptedRoutingTest.Companion.address
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.CloseAfter
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.ignored
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit

/** Failures on routed connections: leader switch, members dying mid-stream, unavailable databases. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoutingFailoverTest {

    @Test
    fun `NotALeader forgets the writer, a plain run surfaces it, a managed write retries on the new leader`() {
        ScriptedCluster(3).use { c ->
            c.table(routers = listOf(0, 1), readers = listOf(2), writers = listOf(0))
            c.intercept(0) { r, _ ->
                when (r.kind) {
                    RequestKind.RUN -> listOf(failure("Neo.ClientError.Cluster.NotALeader", "not the leader"))
                    RequestKind.PULL -> listOf(ignored())
                    else -> null
                }
            }
            withDriver(c) { driver ->
                val e = shouldThrow<NotALeaderException> {
                    driver.session { database = "neo4j" }.use { s -> s.run("W1").consume() }
                }
                e.code shouldBe "Neo.ClientError.Cluster.NotALeader"
                e.isRetryable shouldBe true
                driver.routingTable("neo4j")!!.writers shouldBe emptyList()
                // The leader moved to member 1: the next ROUTE says so, and the managed write lands there.
                c.table(routers = listOf(0, 1), readers = listOf(2), writers = listOf(1))
                val n = driver.session { database = "neo4j" }.use { s -> s.executeWrite { tx -> tx.run("W2").single().getLong("n") } }
                n shouldBe 1
            }
            c.runsOn(1) shouldContainExactly listOf("W2")
        }
    }

    @Test
    fun `a managed write whose first attempt hits a demoted leader is retried on the new one`() {
        ScriptedCluster(3).use { c ->
            c.table(routers = listOf(2), readers = listOf(2), writers = listOf(0))
            c.intercept(0) { r, _ ->
                when (r.kind) {
                    RequestKind.RUN -> {
                        c.table(routers = listOf(2), readers = listOf(2), writers = listOf(1)) // the election happened
                        listOf(failure("Neo.ClientError.General.ForbiddenOnReadOnlyDatabase", "read only"))
                    }
                    RequestKind.PULL -> listOf(ignored())
                    else -> null
                }
            }
            withDriver(c) { driver ->
                driver.session { database = "neo4j" }.use { s -> s.executeWrite { tx -> tx.run("W").single().getLong("n") } } shouldBe 1
                driver.routingTable("neo4j")!!.writers shouldBe listOf(address(c, 1))
            }
            c.runsOn(0) shouldContainExactly listOf("W")
            c.runsOn(1) shouldContainExactly listOf("W")
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a reader dying mid-stream expires the session, a managed read moves to another reader`(transport: TransportKind) {
        ScriptedCluster(3).use { c ->
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(0))
            // Member 1 sends part of the stream and dies; meanwhile the cluster replaced it by member 2.
            c.intercept(1) { r, _ ->
                when (r.kind) {
                    RequestKind.RUN -> listOf(success("fields" to listOf("n"), "t_first" to 0, "qid" to 0))
                    RequestKind.PULL -> {
                        c.table(routers = listOf(0), readers = listOf(2), writers = listOf(0))
                        throw CloseAfter(listOf(record(1L)))
                    }
                    else -> null
                }
            }
            withDriver(c, transport = transport) { driver ->
                // A plain transaction sees a retryable SessionExpiredException naming the member.
                val e = shouldThrow<SessionExpiredException> {
                    driver.session { database = "neo4j"; defaultAccessMode = AccessMode.READ }.use { s ->
                        s.beginTransaction().run("R1").list()
                    }
                }
                e.isRetryable shouldBe true
                e.message shouldContain c.address(1)
                driver.routingTable("neo4j")!!.readers shouldBe emptyList()
                // Managed: the first attempt dies on member 1 again, the retry re-routes to member 2.
                c.table(routers = listOf(0), readers = listOf(1), writers = listOf(0))
                val sum = driver.session { database = "neo4j" }.use { s ->
                    s.executeRead { tx -> tx.run("R2").list().sumOf { it.getLong("n") } }
                }
                sum shouldBe 1
            }
            c.runsOn(1) shouldContainExactly listOf("R1", "R2")
            c.runsOn(2) shouldContainExactly listOf("R2")
        }
    }

    @Test
    fun `the writer dying mid-transaction gives SessionExpiredException and the writer leaves the table`() {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(1), readers = listOf(1), writers = listOf(0))
            c.intercept(0) { r, _ -> if (r.kind == RequestKind.RUN) throw CloseAfter() else null }
            withDriver(c) { driver ->
                val e = shouldThrow<SessionExpiredException> {
                    driver.session { database = "neo4j" }.use { s -> s.beginTransaction().run("W").consume() }
                }
                e.message shouldContain c.address(0)
                driver.routingTable("neo4j")!!.writers shouldBe emptyList()
            }
        }
    }

    @Test
    fun `DatabaseUnavailable removes the member from that database's table and is retried`() {
        ScriptedCluster(3).use { c ->
            c.table(routers = listOf(0), readers = listOf(1, 2), writers = listOf(0))
            c.intercept(1) { r, _ ->
                when (r.kind) {
                    RequestKind.RUN -> listOf(failure("Neo.TransientError.General.DatabaseUnavailable", "database is unavailable"))
                    RequestKind.PULL -> listOf(ignored())
                    else -> null
                }
            }
            withDriver(c) { driver ->
                val e = shouldThrow<TransientException> {
                    // Force member 1 by making it the only reader first.
                    c.table(routers = listOf(0), readers = listOf(1), writers = listOf(0))
                    driver.session { database = "neo4j"; defaultAccessMode = AccessMode.READ }.use { s -> s.run("R1").consume() }
                }
                e.code shouldBe "Neo.TransientError.General.DatabaseUnavailable"
                driver.routingTable("neo4j")!!.readers shouldBe emptyList()
                c.table(routers = listOf(0), readers = listOf(2), writers = listOf(0))
                driver.session { database = "neo4j" }.use { s -> s.executeRead { tx -> tx.run("R2").single().getLong("n") } } shouldBe 1
            }
            c.runsOn(2) shouldContainExactly listOf("R2")
        }
    }
}

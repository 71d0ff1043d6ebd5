package org.boltkt.client.routing

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.withTimeout
import org.boltkt.client.routing.Routing.read
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/** A silent router neither hangs sessions nor leaks: a receive timeout moves on to the next router, cancellation frees all. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoutingCancellationTest {
    @Test
    fun `a router that never answers ROUTE is given up after the server's receive timeout hint and the next seed answers`() {
        // The acquisition timeout does not bound the ROUTE answer (testkit's test_does_not_encompass_router_route_response);
        // the router's connection.recv_timeout_seconds hint does, as in the official drivers.
        ScriptedCluster(3).use { c ->
            val release = CountDownLatch(1)
            c.table(routers = listOf(1), readers = listOf(2), writers = listOf(2))
            c.intercept(0) { r, _ ->
                when (r.kind) {
                    RequestKind.HELLO -> listOf(success("server" to "Neo4j/5.26.0", "connection_id" to "bolt-0", "hints" to mapOf("connection.recv_timeout_seconds" to 1L)))
                    RequestKind.ROUTE -> { release.await(20, TimeUnit.SECONDS); emptyList() }
                    else -> null
                }
            }
            try {
                withDriver(c, uri = c.uri(0, 1), configure = { connectionAcquisitionTimeout = 1.seconds }) { driver ->
                    driver.read("R") shouldBe 1
                }
            } finally {
                release.countDown()
            }
            c.routeRequests.map { it.first } shouldContainExactly listOf(0, 1)
            c.runsOn(2) shouldContainExactly listOf("R")
        }
    }

    @Test
    fun `cancelling a session while its ROUTE is in flight leaves no connection in use`() {
        ScriptedCluster(2).use { c ->
            val release = CountDownLatch(1)
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(1))
            c.intercept(0) { r, _ -> if (r.kind == RequestKind.ROUTE && release.count > 0) { release.await(20, TimeUnit.SECONDS); emptyList() } else null }
            try {
                withDriver(c) { driver ->
                    shouldThrow<TimeoutCancellationException> { withTimeout(300.milliseconds) { driver.read("R1") } }
                    driver.metrics().sumOf { it.inUse } shouldBe 0
                    release.countDown()
                    driver.read("R2") shouldBe 1
                    driver.metrics().sumOf { it.inUse } shouldBe 0
                }
            } finally {
                release.countDown()
            }
            c.runsOn(1) shouldContainExactly listOf("R2")
        }
    }
}

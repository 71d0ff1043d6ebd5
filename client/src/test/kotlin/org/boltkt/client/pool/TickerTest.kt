package org.boltkt.client.pool

import io.kotest.matchers.shouldBe
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.Ticker
import org.boltkt.client.record.getLong
import org.boltkt.client.routing.Routing
import org.boltkt.client.routing.Routing.read
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/**
 * [org.boltkt.client.DriverConfig.ticker] is the clock of connection idle time, age and routing-table TTLs: moving a
 * fake ticker forward triggers the liveness check, the lifetime limit and a table refresh without sleeping
 * (testkit's Backend:MockTime).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TickerTest {
    private val now = AtomicLong(1_000_000_000L)
    private val ticker = Ticker { now.get() }

    private fun advance(by: kotlin.time.Duration) { now.addAndGet(by.inWholeNanoseconds) }

    private suspend fun Driver.query(): Long = session().use { it.run("RETURN 1 AS n").single().getLong("n") }

    private fun resets(server: ScriptedBoltServer) =
        (0 until server.connectionsAccepted).sumOf { i -> server.requests(i).count { it.kind == RequestKind.RESET } }

    private fun withDriver(configure: org.boltkt.client.DriverConfigBuilder.() -> Unit, block: suspend (Driver, ScriptedBoltServer) -> Unit) =
        ScriptedBoltServer { hello(); logon(); serveDefaults() }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) {
                this.ticker = this@TickerTest.ticker
                configure()
            }
            try {
                runBlocking { block(driver, server) }
            } finally {
                runBlocking { driver.close() }
            }
        }

    @Test
    fun `an idle connection is checked with a RESET only once the ticker passes the liveness timeout`() =
        withDriver({ connectionLivenessCheckTimeout = 5.minutes }) { driver, server ->
            driver.query()
            val before = resets(server)
            advance(4.minutes)
            driver.query()
            resets(server) shouldBe before // idle for less than the timeout: no check
            advance(5.minutes)
            driver.query()
            resets(server) shouldBe before + 1 // idle for the timeout: one RESET round trip first
            server.connectionsAccepted shouldBe 1
        }

    @Test
    fun `a connection older than the maximum lifetime by the ticker is replaced`() =
        withDriver({ maxConnectionLifetime = 1.hours }) { driver, server ->
            driver.query()
            advance(59.minutes)
            driver.query()
            server.connectionsAccepted shouldBe 1
            advance(2.minutes)
            driver.query()
            server.connectionsAccepted shouldBe 2
        }

    @Test
    fun `a routing table expires when the ticker passes its TTL`() {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(0), ttlSeconds = 300)
            Routing.withDriver(c, configure = { this.ticker = this@TickerTest.ticker }) { driver ->
                driver.read("A", "neo4j")
                advance(299.seconds)
                driver.read("B", "neo4j")
                c.routeRequests.size shouldBe 1 // within the TTL by the ticker: the cached table
                driver.routingTable("neo4j")!!.expired shouldBe false
                advance(2.seconds)
                driver.routingTable("neo4j")!!.expired shouldBe true
                driver.read("C", "neo4j")
                c.routeRequests.size shouldBe 2 // past it: fetched again
            }
        }
    }
}

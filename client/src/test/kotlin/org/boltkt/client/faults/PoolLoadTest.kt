package org.boltkt.client.faults

import io.kotest.matchers.shouldBe
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/** Many more coroutines than connections: the pool bounds the server's connections and hands every one back. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoolLoadTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `1000 concurrent coroutines over a pool of 10`(transport: TransportKind) = withDriver(
        ScriptedBoltServer { serveDefaults(rows = listOf(listOf(1L), listOf(2L), listOf(3L))) },
        transport, { maxConnectionPoolSize = 10; connectionAcquisitionTimeout = 20.seconds; fetchSize = 2 },
    ) { driver, server ->
        val done = AtomicInteger()
        val maxOpen = AtomicInteger()
        coroutineScope {
            repeat(1000) {
                launch(Dispatchers.Default) {
                    val values = driver.session().use { s -> s.run("UNWIND [1, 2, 3] AS n RETURN n").list().map { it.getLong("n") } }
                    values shouldBe listOf(1L, 2L, 3L)
                    maxOpen.accumulateAndGet(server.openConnections, ::maxOf)
                    done.incrementAndGet()
                }
            }
        }
        done.get() shouldBe 1000
        driver.assertPool(inUse = 0, idle = 10)
        server.connectionsAccepted shouldBe 10
        (maxOpen.get() <= 10) shouldBe true
        server.openConnections shouldBe 10
        server.assertScriptCompleted()
    }
}

package org.boltkt.client.pool

import io.kotest.matchers.shouldBe
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/** Pool housekeeping against a scripted server: lifetime expiry, liveness checks and prune close real sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolPruneTest {
    @Test
    fun `prune closes idle connections past their lifetime`(): Unit = runBlocking {
        ScriptedBoltServer { serveDefaults() }.start().use { server ->
            val pool = scriptedPool(server, PoolSettings(maxSize = 3, maxLifetime = 200.milliseconds))
            val a = pool.acquire()
            val b = pool.acquire()
            pool.release(a)
            pool.release(b)
            pool.idleCount shouldBe 2
            server.awaitOpenConnections(2, 5.seconds)

            delay(300)
            pool.prune()

            pool.idleCount shouldBe 0
            server.awaitOpenConnections(0, 5.seconds)
            pool.close()
        }
    }

    /**
     * Issue 17: `prune()` had no caller, and acquires only look at the top of the idle stack, so a connection at its
     * bottom, past its lifetime, stayed open for as long as the connections above it served the load. Now every
     * acquire examines the longest-idle connections (two at most) and closes those past their lifetime.
     */
    @Test
    fun `acquires close a connection deep in the idle stack once it is past its lifetime`(): Unit = runBlocking {
        ScriptedBoltServer { serveDefaults() }.start().use { server ->
            val now = java.util.concurrent.atomic.AtomicLong(0)
            val pool = scriptedPool(server, PoolSettings(maxSize = 3, maxLifetime = 1000.milliseconds, nanoTime = { now.get() }))
            val oldest = pool.acquire() // created at t = 0
            now.set(600.milliseconds.inWholeNanoseconds)
            val younger = pool.acquire() // created at t = 600 ms
            pool.release(oldest) // bottom of the idle stack
            pool.release(younger) // top: every acquire below takes it
            server.awaitOpenConnections(2, 5.seconds)

            now.set(1200.milliseconds.inWholeNanoseconds) // the oldest is past its lifetime, the younger is not
            repeat(3) {
                val c = pool.acquire()
                (c === younger) shouldBe true
                pool.release(c)
            }

            pool.idleCount shouldBe 1
            server.awaitOpenConnections(1, 5.seconds)
            pool.close()
        }
    }

    @Test
    fun `an idle connection is RESET before reuse after the liveness threshold, and reused when alive`(): Unit = runBlocking {
        ScriptedBoltServer { serveDefaults() }.start().use { server ->
            val pool = scriptedPool(server, PoolSettings(maxSize = 1, livenessCheckAfter = 100.milliseconds))
            val first = pool.acquire()
            pool.release(first)
            delay(200)

            val again = pool.acquire()

            (again === first) shouldBe true
            server.requests(0).count { it.kind == org.boltkt.protocol.message.RequestKind.RESET } shouldBe 1
            server.connectionsAccepted shouldBe 1
            pool.release(again)
            pool.close()
        }
    }
}

package org.boltkt.client.pool

import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/** The pool's non-suspending hand-out of an idle connection (the acquire path that needs no timeout). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TryAcquireIdleTest {
    @Test
    fun `hands out the idle connection and counts it in use, and nothing when none is idle`(): Unit = runBlocking {
        ScriptedBoltServer { serveDefaults() }.start().use { server ->
            val pool = scriptedPool(server, PoolSettings(maxSize = 2))
            pool.tryAcquireIdle().shouldBeNull()
            val first = pool.acquire()
            pool.release(first)

            val again = pool.tryAcquireIdle()

            (again === first) shouldBe true
            pool.inUseCount shouldBe 1
            pool.idleCount shouldBe 0
            pool.tryAcquireIdle().shouldBeNull()
            pool.release(again!!)
            pool.inUseCount shouldBe 0
            server.connectionsAccepted shouldBe 1
            pool.close()
        }
    }

    @Test
    fun `respects the pool size, and waiting acquirers keep their turn`(): Unit = runBlocking {
        ScriptedBoltServer { serveDefaults() }.start().use { server ->
            val pool = scriptedPool(server, PoolSettings(maxSize = 1))
            val only = pool.acquire()
            pool.tryAcquireIdle().shouldBeNull()
            pool.release(only)
            val held = pool.tryAcquireIdle()!!
            pool.tryAcquireIdle().shouldBeNull()
            pool.release(held)
            pool.idleCount shouldBe 1
            pool.close()
        }
    }

    @Test
    fun `closes expired idle connections and leaves one due a liveness check to acquire`(): Unit = runBlocking {
        ScriptedBoltServer { serveDefaults() }.start().use { server ->
            val expiring = scriptedPool(server, PoolSettings(maxSize = 2, maxLifetime = 100.milliseconds))
            expiring.release(expiring.acquire())
            delay(200)
            expiring.tryAcquireIdle().shouldBeNull()
            expiring.idleCount shouldBe 0
            server.awaitOpenConnections(0, 5.seconds)
            expiring.close()

            val checked = scriptedPool(server, PoolSettings(maxSize = 1, livenessCheckAfter = 100.milliseconds))
            val first = checked.acquire()
            checked.release(first)
            delay(200)
            checked.tryAcquireIdle().shouldBeNull()
            checked.idleCount shouldBe 1
            val again = checked.acquire() // the suspending path does the RESET check
            (again === first) shouldBe true
            server.requests(1).count { it.kind == RequestKind.RESET } shouldBe 1
            checked.release(again)
            checked.close()
        }
    }

    @Test
    fun `hands out nothing once the pool is closed`(): Unit = runBlocking {
        ScriptedBoltServer { serveDefaults() }.start().use { server ->
            val pool = scriptedPool(server, PoolSettings(maxSize = 1))
            pool.release(pool.acquire())
            pool.close()
            pool.tryAcquireIdle().shouldBeNull()
        }
    }
}

package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.seconds

/**
 * Fail-before evidence for issue 17's unbounded waits, written against the API that existed before
 * `connectionReadTimeout`/`connectionWriteTimeout` (95c23ef): default settings only. Not part of the suite
 * (docs/RELIABILITY.md, "Each review item's test on the code before its fix").
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClientTimeoutsOldApiTest {
    /** With default settings a write to a server that stopped reading ends within the default write bound (2 min). */
    @Test
    fun `with default settings a server that stops reading ends the write in bounded time`() {
        ScriptedBoltServer.perConnection {
            connection { greet("bolt-deaf"); delay(230_000) } // reads nothing more
        }.start().use { server ->
            val driver = Faults.driver(server, TransportKind.NIO)
            try {
                runBlocking {
                    val started = System.nanoTime()
                    withTimeout(170.seconds) {
                        shouldThrow<ServiceUnavailableException> {
                            driver.session().use { it.run("RETURN \$blob AS n", mapOf("blob" to ByteArray(48 * 1024 * 1024))).consume() }
                        }.isRetryable shouldBe true
                    }
                    ((System.nanoTime() - started) / 1_000_000) shouldBeLessThan 140_000
                    driver.assertPool(inUse = 0)
                }
            } finally {
                runBlocking { withTimeout(10.seconds) { driver.close() } }
            }
        }
    }

    /**
     * With default settings and no hint, a silent server is cut within the default read bound (15 min on the fixed
     * code); the old code waits until the test's own 16.5 min bound ends it. Takes 15–16.5 min: run by hand.
     */
    @Test
    @Timeout(value = 1_080, unit = TimeUnit.SECONDS)
    fun `with default settings a silent server without a hint ends the read in bounded time`() {
        ScriptedBoltServer.perConnection {
            connection { greet("bolt-silent"); expect(RequestKind.RUN); expect(RequestKind.PULL); stall() }
        }.start().use { server ->
            val driver = Faults.driver(server, TransportKind.NIO)
            try {
                runBlocking {
                    val started = System.nanoTime()
                    withTimeout(990.seconds) {
                        shouldThrow<ServiceUnavailableException> { driver.session().use { it.run("RETURN 1 AS n").list() } }
                    }
                    ((System.nanoTime() - started) / 1_000_000) shouldBeLessThan 960_000
                    driver.assertPool(inUse = 0)
                }
            } finally {
                runBlocking { withTimeout(10.seconds) { driver.close() } }
            }
        }
    }

    /**
     * Without a hint a silent server is never cut by the old code. Not a pass-after test: on the fixed code the
     * default `connectionReadTimeout` is 15 min, so only a test that sets it (ClientTimeoutsTest) can see the bound.
     */
    @Test
    fun `without a server hint a silent server ends the read within 30 s`() {
        ScriptedBoltServer.perConnection {
            connection { greet("bolt-silent"); expect(RequestKind.RUN); expect(RequestKind.PULL); stall() }
        }.start().use { server ->
            val driver = Faults.driver(server, TransportKind.NIO)
            try {
                runBlocking { withTimeout(30.seconds) { shouldThrow<BoltException> { driver.session().use { it.run("RETURN 1 AS n").list() } } } }
            } finally {
                runBlocking { withTimeout(10.seconds) { driver.close() } }
            }
        }
    }
}

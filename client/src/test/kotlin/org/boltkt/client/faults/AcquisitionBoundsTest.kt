package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.auth.AuthTokenManager
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.ConnectionAcquisitionTimeoutException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/**
 * The acquisition timeout bounds everything up to the hand-out of a pooled connection (issue 17, unbounded waits):
 * the auth manager's token refresh and a re-authentication (LOGOFF/LOGON). And it is the driver's own timeout only:
 * a caller's outer `withTimeout` stays the caller's cancellation. Before the fix the first two waited for ever (the
 * tests ran into their 30 s bound) and the third surfaced as the driver's acquisition error.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AcquisitionBoundsTest {
    /** Answers with the token of [tokens] for each call, or suspends for ever after them. */
    private class ScriptedManager(private val tokens: List<AuthToken>) : AuthTokenManager {
        val calls = AtomicInteger()
        override suspend fun getToken(): AuthToken = tokens.getOrNull(calls.getAndIncrement()) ?: awaitCancellation()
        override fun handleSecurityException(token: AuthToken, error: BoltException): Boolean = false
    }

    @Test
    fun `a token refresh that hangs on a pooled connection ends at the acquisition timeout`() {
        val manager = ScriptedManager(listOf(AuthToken.basic("neo4j", "pw")))
        ScriptedBoltServer { greet(); echoQuery(1) }.start().use { server ->
            val driver = BoltDriver(server.uri, manager) { connectionAcquisitionTimeout = 1.seconds }
            try {
                runBlocking {
                    withTimeout(30.seconds) {
                        driver.session().use { it.run("RETURN \$x AS n", mapOf("x" to 1L)).consume() }
                        val started = System.nanoTime()
                        shouldThrow<ConnectionAcquisitionTimeoutException> { driver.session().use { it.run("RETURN 2 AS n") } }
                        ((System.nanoTime() - started) / 1_000_000) shouldBeLessThan 5_000
                        driver.assertPool(inUse = 0)
                    }
                }
            } finally {
                runBlocking { withTimeout(10.seconds) { driver.close() } }
            }
        }
    }

    @Test
    fun `a re-authentication the server never answers ends at the acquisition timeout`() {
        val manager = ScriptedManager(listOf(AuthToken.basic("neo4j", "pw"), AuthToken.basic("neo4j", "rotated")))
        ScriptedBoltServer {
            greet()
            echoQuery(1)
            expect(RequestKind.LOGOFF); expect(RequestKind.LOGON)
            stall() // no hint, so only the acquisition timeout can end this wait
        }.start().use { server ->
            val driver = BoltDriver(server.uri, manager) { connectionAcquisitionTimeout = 1.seconds }
            try {
                runBlocking {
                    withTimeout(30.seconds) {
                        driver.session().use { it.run("RETURN \$x AS n", mapOf("x" to 1L)).consume() }
                        val started = System.nanoTime()
                        shouldThrow<ConnectionAcquisitionTimeoutException> { driver.session().use { it.run("RETURN 2 AS n") } }
                        ((System.nanoTime() - started) / 1_000_000) shouldBeLessThan 5_000
                        driver.assertPool(inUse = 0)
                        server.awaitOpenConnections(0) // cut mid-exchange: closed, never reused
                    }
                }
            } finally {
                runBlocking { withTimeout(10.seconds) { driver.close() } }
            }
        }
    }

    @Test
    fun `a caller's own withTimeout around a run on a busy pool stays the caller's timeout`() = withDriver(
        ScriptedBoltServer { serveDefaults() },
        TransportKind.NIO,
        configure = { maxConnectionPoolSize = 1; connectionAcquisitionTimeout = 20.seconds },
    ) { driver, _ ->
        driver.session().use { holder ->
            val tx = holder.beginTransaction() // the only connection is taken
            driver.session().use { waiting ->
                shouldThrow<TimeoutCancellationException> { withTimeout(300.milliseconds) { waiting.run("RETURN 1 AS n") } }
            }
            tx.rollback()
        }
        driver.assertPool(inUse = 0)
    }
}

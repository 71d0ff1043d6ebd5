package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.delay
import org.boltkt.client.error.ConnectionReadTimeoutException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.echo
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/**
 * The driver's own read and write bounds (issue 17, unbounded waits): a server that sends no receive-timeout hint
 * (Memgraph, older Neo4j) and then falls silent, and a server that stops reading, end in a bounded time with a
 * retryable error, the connection closed and the pool whole. Before `connectionReadTimeout`/`connectionWriteTimeout`
 * both waited for ever (each test ran into its 30 s bound).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientTimeoutsTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `without a server hint a silent server is cut by connectionReadTimeout`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection {
                greet("bolt-silent") // no hints at all, as Memgraph
                expect(RequestKind.RUN); expect(RequestKind.PULL)
                stall()
            }
            otherwise { serveDefaults(rows = listOf(listOf(5L))) }
        },
        transport,
        configure = { connectionReadTimeout = 1.seconds },
    ) { driver, server ->
        val started = System.nanoTime()
        val error = shouldThrow<ConnectionReadTimeoutException> { driver.session().use { it.run("RETURN 1 AS n").list() } }
        ((System.nanoTime() - started) / 1_000_000) shouldBeLessThan 5_000
        error.message shouldContain "connectionReadTimeout"
        error.isRetryable shouldBe true
        server.awaitOpenConnections(0)
        driver.assertPool(inUse = 0)
        driver.echo(5) shouldBe 5L
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a setting shorter than the server's hint applies`(transport: TransportKind) = withDriver(
        ScriptedBoltServer {
            hello(connectionId = "bolt-hint", extra = arrayOf("hints" to mapOf("connection.recv_timeout_seconds" to 120)))
            logon()
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            stall()
        },
        transport,
        configure = { connectionReadTimeout = 1.seconds },
    ) { driver, _ ->
        val started = System.nanoTime()
        shouldThrow<ConnectionReadTimeoutException> { driver.session().use { it.run("RETURN 1 AS n").list() } }
            .message shouldContain "connectionReadTimeout"
        ((System.nanoTime() - started) / 1_000_000) shouldBeLessThan 5_000
        driver.assertPool(inUse = 0)
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `an idle pooled connection is never cut by the read timeout`(transport: TransportKind) = withDriver(
        ScriptedBoltServer {
            greet()
            echoQuery(1)
            echoQuery(2)
        },
        transport,
        configure = { connectionReadTimeout = 200.milliseconds },
    ) { driver, server ->
        driver.echo(1) shouldBe 1L
        delay(600) // idling in the pool for three read timeouts is the point of this test
        driver.echo(2) shouldBe 2L
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a server that stops reading is cut by connectionWriteTimeout`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection {
                greet("bolt-deaf")
                delay(60_000) // reads nothing more: the request below fills the socket buffers and the write stalls
            }
            otherwise { serveDefaults(rows = listOf(listOf(5L))) }
        },
        transport,
        configure = { connectionWriteTimeout = 1.seconds },
    ) { driver, server ->
        val large = ByteArray(48 * 1024 * 1024) // far more than loopback socket buffers hold
        val started = System.nanoTime()
        val error = shouldThrow<ServiceUnavailableException> {
            driver.session().use { it.run("RETURN \$blob AS n", mapOf("blob" to large)).consume() }
        }
        ((System.nanoTime() - started) / 1_000_000) shouldBeLessThan 10_000
        error.message shouldContain "connectionWriteTimeout"
        error.isRetryable shouldBe true
        driver.assertPool(inUse = 0)
        server.awaitConnections(1)
        driver.echo(5) shouldBe 5L
    }
}

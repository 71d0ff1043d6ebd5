package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.error.ConnectionReadTimeoutException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.serveDefaults
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit

/**
 * A server that hints `connection.recv_timeout_seconds` in HELLO and then never answers: the driver's read timeout
 * (configured by the server's hint, no caller timeout involved) fires, the connection is closed, the pool recovers.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerHintedTimeoutTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a silent server is detected by the hinted receive timeout`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection {
                hello(connectionId = "bolt-silent", extra = arrayOf("hints" to mapOf("connection.recv_timeout_seconds" to 1)))
                logon()
                expect(RequestKind.RUN); expect(RequestKind.PULL)
                stall()
            }
            otherwise { serveDefaults(rows = listOf(listOf(5L))) }
        },
        transport,
    ) { driver, server ->
        val started = System.nanoTime()
        val error = shouldThrow<ConnectionReadTimeoutException> {
            driver.session().use { it.run("RETURN 1 AS n").list() }
        }
        val elapsedMillis = (System.nanoTime() - started) / 1_000_000
        error.message shouldContain "connection.recv_timeout_seconds"
        elapsedMillis shouldBeLessThan 5_000
        server.awaitOpenConnections(0)
        driver.assertPool(inUse = 0)

        val value = driver.session().use { it.run("RETURN 5 AS n").single().getLong("n") }
        value shouldBe 5L
        server.connectionsAccepted shouldBe 2
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `answers each within the hint never time out, however long the connection is used`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection {
                hello(connectionId = "bolt-slow", extra = arrayOf("hints" to mapOf("connection.recv_timeout_seconds" to 1)))
                logon()
                repeat(QUERIES) { k ->
                    expect(RequestKind.RUN); expect(RequestKind.PULL)
                    delay(600) // each wait under the hint; all of them together well over it
                    reply(success("fields" to listOf("n")), record(k.toLong()), success("type" to "r"))
                }
                stall()
            }
        },
        transport,
    ) { driver, server ->
        val values = driver.session().use { s -> (0 until QUERIES).map { s.run("RETURN 1 AS n").single().getLong("n") } }
        values shouldBe (0 until QUERIES).map { it.toLong() }
        server.connectionsAccepted shouldBe 1
    }

    private companion object {
        const val QUERIES = 4
    }
}

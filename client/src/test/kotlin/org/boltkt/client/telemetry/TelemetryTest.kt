package org.boltkt.client.telemetry

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.DriverConfigBuilder
import org.boltkt.client.QueryConfig
import org.boltkt.client.error.ClientException
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.ignored
import org.boltkt.testing.scripted.serveDefaults
import org.boltkt.testing.scripted.success
import org.boltkt.protocol.version.BoltVersion
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit

/**
 * Bolt 5.4+ TELEMETRY as testkit's stub/driver_parameters/telemetry checks it: one TELEMETRY with the API's number
 * pipelined before the unit of work's first BEGIN or RUN, only when the server hints `telemetry.enabled` and the
 * driver does not disable it; retries resend it only while the server has not acknowledged it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TelemetryTest {
    /** Each API, its TELEMETRY number and the message TELEMETRY must precede. */
    enum class Api(val code: Long, val before: RequestKind, val work: suspend (Driver) -> Unit) {
        EXECUTE_READ(0, RequestKind.BEGIN, { d -> d.session().use { s -> s.executeRead { tx -> tx.run("RETURN 1 AS n").list() } } }),
        EXECUTE_WRITE(0, RequestKind.BEGIN, { d -> d.session().use { s -> s.executeWrite { tx -> tx.run("RETURN 1 AS n").list() } } }),
        BEGIN_TRANSACTION(1, RequestKind.BEGIN, { d ->
            d.session().use { s -> s.beginTransaction().apply { run("RETURN 1 AS n").list(); commit() } }
        }),
        SESSION_RUN(2, RequestKind.RUN, { d -> d.session().use { s -> s.run("RETURN 1 AS n").list() } }),
        EXECUTE_QUERY(3, RequestKind.BEGIN, { d -> d.executeQuery("RETURN 1 AS n") }),
        EXECUTE_QUERY_READ(3, RequestKind.BEGIN, { d -> d.executeQuery("RETURN 1 AS n", emptyMap(), QueryConfig(routing = AccessMode.READ)) }),
    }

    private fun ScriptBuilder.helloWithTelemetry(enabled: Boolean) {
        if (enabled) hello(extra = arrayOf("hints" to mapOf("telemetry.enabled" to true))) else hello()
        logon()
    }

    private fun <T> withServer(server: ScriptedBoltServer, configure: DriverConfigBuilder.() -> Unit = {}, block: suspend (Driver) -> T): T =
        server.start().use {
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pass"), configure)
            try {
                runBlocking { block(driver) }
            } finally {
                runBlocking { driver.close() }
            }
        }

    private fun kinds(server: ScriptedBoltServer, connection: Int = 0) = server.requests(connection).map { it.kind }

    private fun telemetryCodes(server: ScriptedBoltServer) =
        (0 until server.connectionsAccepted).flatMap { i ->
            server.requests(i).filter { it.kind == RequestKind.TELEMETRY }.map { (it.field(0) as IntegerValue).value }
        }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Api::class)
    fun `a server asking for telemetry gets the API number right before the first BEGIN or RUN`(api: Api) {
        val server = ScriptedBoltServer { helloWithTelemetry(true); serveDefaults() }
        withServer(server) { api.work(it) }
        assertEquals(listOf(api.code), telemetryCodes(server))
        val sent = kinds(server)
        val at = sent.indexOf(RequestKind.TELEMETRY)
        assertEquals(api.before, sent[at + 1], "TELEMETRY must be followed by the unit of work's first message: $sent")
        assertEquals(at, sent.indexOfFirst { it == RequestKind.BEGIN || it == RequestKind.RUN } - 1, "nothing of the work before TELEMETRY: $sent")
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Api::class)
    fun `no telemetry when the driver disables it`(api: Api) {
        val server = ScriptedBoltServer { helloWithTelemetry(true); serveDefaults() }
        withServer(server, { telemetryDisabled = true }) { api.work(it) }
        assertEquals(emptyList<Long>(), telemetryCodes(server))
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Api::class)
    fun `no telemetry when the server does not hint it`(api: Api) {
        val server = ScriptedBoltServer { helloWithTelemetry(false); serveDefaults() }
        withServer(server) { api.work(it) }
        assertEquals(emptyList<Long>(), telemetryCodes(server))
    }

    @Test
    fun `no telemetry before Bolt 5_4 even with the hint`() {
        val server = ScriptedBoltServer { handshake(BoltVersion(5, 3)); helloWithTelemetry(true); serveDefaults() }
        withServer(server) { d -> d.session().use { s -> s.run("RETURN 1 AS n").list() } }
        assertEquals(emptyList<Long>(), telemetryCodes(server))
    }

    @Test
    fun `every auto-commit run and explicit transaction is its own API call`() {
        val server = ScriptedBoltServer { helloWithTelemetry(true); serveDefaults() }
        withServer(server) { d ->
            d.session().use { s ->
                s.run("RETURN 1 AS n").list()
                s.run("RETURN 1 AS n").list()
                s.beginTransaction().apply { run("RETURN 1 AS n").list(); commit() }
            }
        }
        assertEquals(listOf(2L, 2L, 1L), telemetryCodes(server))
    }

    /** testkit's reader_telemetry_retry.script: a lost TELEMETRY is sent again, an acknowledged one is not. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Api::class, names = ["EXECUTE_READ", "EXECUTE_WRITE", "EXECUTE_QUERY"])
    fun `a retry resends telemetry only until the server acknowledged it`(api: Api) {
        val server = ScriptedBoltServer.perConnection {
            connection {
                helloWithTelemetry(true)
                expect(RequestKind.TELEMETRY)
                closeConnection()
            }
            connection {
                helloWithTelemetry(true)
                expect(RequestKind.TELEMETRY); expect(RequestKind.BEGIN)
                reply(success(), failure("Neo.TransientError.General.PleaseRetry", "something went wrong"))
                expect(RequestKind.RESET); reply(success())
                expect(RequestKind.BEGIN); reply(success()) // no TELEMETRY before it: a mismatch fails the script
                serveDefaults()
            }
        }
        withServer(server, { maxTransactionRetryTime = kotlin.time.Duration.parse("20s") }) { api.work(it) }
        server.assertScriptCompleted()
        assertEquals(listOf(api.code, api.code), telemetryCodes(server))
        assertEquals(2, server.connectionsAccepted)
    }

    @Test
    fun `a TELEMETRY failure fails the call like a failure of the message it preceded, and the connection recovers`() {
        val server = ScriptedBoltServer {
            helloWithTelemetry(true)
            expect(RequestKind.TELEMETRY); expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(failure("Neo.ClientError.Request.Invalid", "telemetry refused"), ignored(), ignored())
            expect(RequestKind.RESET); reply(success())
            serveDefaults()
        }
        withServer(server) { d ->
            val error = assertThrows(ClientException::class.java) {
                runBlocking { d.session().use { s -> s.run("RETURN 1 AS n").list() } }
            }
            assertEquals("Neo.ClientError.Request.Invalid", error.code)
            // The same connection, RESET, serves the next call (which owes its own TELEMETRY).
            assertEquals(1L, d.session().use { s -> s.run("RETURN 1 AS n").single().getLong("n") })
        }
        assertEquals(1, server.connectionsAccepted)
        assertEquals(listOf(2L, 2L), telemetryCodes(server))
    }
}

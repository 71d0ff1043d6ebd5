package org.boltkt.testkit

import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonObject
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.io.StringWriter
import java.util.concurrent.TimeUnit

/** NewDriver's `telemetryDisabled` reaches the driver: TELEMETRY before ExecuteQuery's BEGIN only when not disabled. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TelemetryOptionTest {
    private fun telemetrySent(telemetryDisabled: Boolean?): List<Long> {
        val server = ScriptedBoltServer {
            hello(extra = arrayOf("hints" to mapOf("telemetry.enabled" to true)))
            logon()
            serveDefaults()
        }
        server.start().use {
            val backend = Backend(ResponseWriter(StringWriter()))
            val request = linkedMapOf<String, Any?>(
                "uri" to server.uri,
                "authorizationToken" to obj("name" to "AuthorizationToken", "data" to obj("scheme" to "basic", "principal" to "neo4j", "credentials" to "pass")),
            )
            telemetryDisabled?.let { request["telemetryDisabled"] = it }
            DriverHandlers.newDriver(backend, obj(*request.toList().toTypedArray()))
            val driverId = backend.drivers.keys.single()
            runBlocking {
                DriverHandlers.executeQuery(backend, obj("driverId" to driverId, "cypher" to "RETURN 1 AS n", "params" to JsonObject(emptyMap())))
                DriverHandlers.close(backend, obj("driverId" to driverId))
            }
            return (0 until server.connectionsAccepted).flatMap { i ->
                server.requests(i).filter { it.kind == RequestKind.TELEMETRY }.map { (it.field(0) as IntegerValue).value }
            }
        }
    }

    @Test
    fun `executeQuery sends TELEMETRY 3 by default and none when the driver disables it`() {
        assertEquals(listOf(3L), telemetrySent(null))
        assertEquals(listOf(3L), telemetrySent(false))
        assertEquals(emptyList<Long>(), telemetrySent(true))
    }
}

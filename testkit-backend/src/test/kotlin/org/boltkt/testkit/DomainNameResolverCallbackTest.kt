package org.boltkt.testkit

import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.serveDefaults
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.io.Writer
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/**
 * NewDriver's `domainNameResolverRegistered`: every host the driver connects to goes to testkit as
 * `DomainNameResolutionRequired {id, name}`, and testkit's `DomainNameResolutionCompleted {requestId, addresses}`
 * decides where the driver connects (as testkit's frontend does in `nutkit/frontend/driver.py`).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DomainNameResolverCallbackTest {
    /** Plays testkit's frontend: answers each resolution request from another thread, as the reader thread would. */
    private class Frontend : Writer() {
        private val buffer = StringBuilder()
        val sent = CopyOnWriteArrayList<JsonObject>()
        lateinit var backend: Backend
        lateinit var answer: (String) -> List<String>

        override fun write(cbuf: CharArray, off: Int, len: Int) {
            buffer.appendRange(cbuf, off, off + len)
        }

        override fun flush() {
            val frame = buffer.lines().first { it.startsWith("{") }
            buffer.clear()
            val message = JSON.parseToJsonElement(frame).jsonObject
            sent += message
            if (message["name"]!!.jsonPrimitive.content != "DomainNameResolutionRequired") return
            val data = message["data"]!!.jsonObject
            val addresses = JsonArray(answer(data["name"]!!.jsonPrimitive.content).map(::JsonPrimitive))
            val completed = Request("DomainNameResolutionCompleted", obj("requestId" to data["id"]!!.jsonPrimitive.content, "addresses" to addresses))
            Thread { backend.dispatch(completed) }.start()
        }

        override fun close() {}
    }

    @Test
    fun `an invented host name connects where testkit's domain-name resolver says`() {
        val server = ScriptedBoltServer {
            hello()
            logon()
            serveDefaults()
        }
        server.start().use {
            val frontend = Frontend()
            val backend = Backend(ResponseWriter(frontend))
            frontend.backend = backend
            frontend.answer = { name -> if (name == "host1.invalid") listOf("127.0.0.1") else emptyList() }
            DriverHandlers.newDriver(
                backend,
                obj(
                    "uri" to "bolt://host1.invalid:${server.port}",
                    "authorizationToken" to obj("name" to "AuthorizationToken", "data" to obj("scheme" to "basic", "principal" to "neo4j", "credentials" to "pass")),
                    "domainNameResolverRegistered" to true,
                ),
            )
            val driverId = backend.drivers.keys.single()
            runBlocking {
                DriverHandlers.executeQuery(backend, obj("driverId" to driverId, "cypher" to "RETURN 1 AS n", "params" to JsonObject(emptyMap())))
                DriverHandlers.close(backend, obj("driverId" to driverId))
            }
            backend.close()
            val requests = frontend.sent.filter { it["name"]!!.jsonPrimitive.content == "DomainNameResolutionRequired" }
            assertEquals(listOf("host1.invalid"), requests.map { it["data"]!!.jsonObject["name"]!!.jsonPrimitive.content })
            assertEquals(setOf("id", "name"), requests.single()["data"]!!.jsonObject.keys)
            assertEquals(listOf("Driver", "DomainNameResolutionRequired", "EagerResult", "Driver"), frontend.sent.map { it["name"]!!.jsonPrimitive.content })
            assertEquals(1, server.connectionsAccepted)
        }
    }
}

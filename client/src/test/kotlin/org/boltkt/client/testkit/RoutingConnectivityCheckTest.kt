package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.error.BoltException
import org.boltkt.client.use
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.seconds

/**
 * Found by testkit (stub/connectivity_check `test_routing_tries_all_readers`): a routing driver's connectivity
 * check resolves the home database with ONE ROUTE, tries every reader of that table, and then fails; it neither
 * asks the router a second time nor contacts the writer. A session's first read, which resolves the home
 * database just before it acquires, does the same.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoutingConnectivityCheckTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = ["verifyConnectivity", "serverInfo", "session"])
    fun `when every reader fails the check fails after one ROUTE without contacting the writer`(call: String) {
        // handshake_only.script: answer the handshake, then hang up.
        val readers = List(5) { ScriptedBoltServer { handshake(BoltVersion(4, 4)); closeConnection() }.start() }
        val writer = ScriptedBoltServer { handshake(BoltVersion(4, 4)); closeConnection() }.start()
        try {
            // router_5_readers.script: one connection, one ROUTE for the home database (db null), RESETs.
            ScriptedBoltServer.perConnection {
                connection {
                    handshake(BoltVersion(4, 4))
                    hello(server = "Neo4j/4.4.0")
                    expect(RequestKind.ROUTE) { assertEquals(NullValue, (it.field(2) as MapValue).entries["db"] ?: NullValue) }
                    replyWith { _, context ->
                        listOf(ScriptedCluster.routeSuccess(ScriptedCluster.RoutingAnswer(listOf(context.serverAddress), readers.map { it.hostAndPort }, listOf(writer.hostAndPort), ttlSeconds = 1000, database = "homedb")))
                    }
                }
            }.start().use { router ->
                val driver = BoltDriver("neo4j://${router.hostAndPort}", AuthToken.basic("", "")) {
                    connectionAcquisitionTimeout = 10.seconds
                }
                try {
                    assertThrows<BoltException> { runBlocking { withTimeout(30.seconds) { check(driver, call) } } }
                } finally {
                    runBlocking { driver.close() }
                }
                router.assertScriptCompleted()
                assertEquals(1, router.connectionsAccepted)
                assertEquals(1, router.requests(0).count { it.kind == RequestKind.ROUTE })
                readers.forEach { assertEquals(1, it.connectionsAccepted, "every reader is tried once") }
                assertEquals(0, writer.connectionsAccepted, "the writer is not contacted")
                assertTrue(router.failures.isEmpty())
            }
        } finally {
            (readers + writer).forEach { it.close() }
        }
    }

    private suspend fun check(driver: Driver, call: String) {
        when (call) {
            "verifyConnectivity" -> driver.verifyConnectivity()
            "serverInfo" -> driver.serverInfo()
            // The same for a session's first read, whose home database was resolved just before it acquires.
            else -> driver.session { defaultAccessMode = AccessMode.READ }.use { it.run("RETURN 1").consume() }
        }
    }
}

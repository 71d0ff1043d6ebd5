package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/**
 * Found by testkit (stub/driver_parameters `TestConnectionAcquisitionTimeoutMs`
 * `test_does_not_encompass_router_route_response`): the acquisition timeout bounds getting a router's connection,
 * not the time the router takes to answer ROUTE (testkit's `router_route_delay.script`: 2 s, NOOP, 2 s, against a
 * 2 s acquisition timeout; here 1.5 s, NOOP, 1.5 s against 1 s).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AcquisitionTimeoutRouteTest {
    @Test
    fun `a slow ROUTE answer does not count against the acquisition timeout`() {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 0))
            hello(server = "Neo4j/5.0.0")
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("n")), record(1L), success("type" to "r"))
        }.start().use { server ->
            ScriptedBoltServer.perConnection {
                connection {
                    handshake(BoltVersion(5, 0))
                    hello(server = "Neo4j/5.0.0")
                    expect(RequestKind.ROUTE)
                    delay(1500); noop(); delay(1500)
                    replyWith { _, context ->
                        listOf(ScriptedCluster.routeSuccess(ScriptedCluster.RoutingAnswer(listOf(context.serverAddress), listOf(server.hostAndPort), listOf(server.hostAndPort), ttlSeconds = 1000, database = null)))
                    }
                }
            }.start().use { router ->
                val driver = BoltDriver("neo4j://${router.hostAndPort}", AuthToken.basic("neo4j", "pass")) {
                    connectionAcquisitionTimeout = 1000.milliseconds
                }
                try {
                    val n = runBlocking {
                        withTimeout(30.seconds) {
                            driver.session { defaultAccessMode = AccessMode.READ }.use { s -> s.run("RETURN 1 AS n").single().getLong("n") }
                        }
                    }
                    assertEquals(1L, n)
                } finally {
                    runBlocking { driver.close() }
                }
                router.assertScriptCompleted()
                server.assertScriptCompleted()
                assertEquals(1, router.connectionsAccepted)
            }
        }
    }
}

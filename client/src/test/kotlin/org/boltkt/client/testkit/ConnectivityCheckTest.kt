package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.AfterScript
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (stub/connectivity_check): checking connectivity over a pooled connection must reach the
 * server, so the driver makes a RESET round trip instead of trusting an idle connection.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectivityCheckTest {
    @Test
    fun `a connection opened for the check needs no extra round trip`() {
        ScriptedBoltServer.perConnection {
            connection {
                hello(server = "Neo4j/5.26.0")
                logon()
                afterScript(AfterScript.STRICT)
            }
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw"))
            try {
                runBlocking { driver.verifyConnectivity() }
                server.assertScriptCompleted()
            } finally {
                runBlocking { driver.close() }
            }
        }
    }

    @Test
    fun `verifyConnectivity and serverInfo make a round trip on a pooled connection`() {
        ScriptedBoltServer.perConnection {
            connection {
                hello(server = "Neo4j/5.26.0")
                logon()
                expect(RequestKind.RUN); expect(RequestKind.PULL)
                reply(success("fields" to listOf("n")), record(1L), success("type" to "r"))
                expect(RequestKind.RESET); reply(success())
                expect(RequestKind.RESET); reply(success())
                afterScript(AfterScript.STRICT)
            }
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw"))
            try {
                runBlocking {
                    driver.session().use { it.run("RETURN 1 AS n").list() }
                    driver.verifyConnectivity()
                    assertEquals("Neo4j/5.26.0", driver.serverInfo().agent)
                }
                server.assertScriptCompleted()
                assertEquals(1, server.connectionsAccepted)
            } finally {
                runBlocking { driver.close() }
            }
        }
    }
}

package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.record.getLong
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
 * Found by testkit (stub/errors): closing the driver says GOODBYE on idle connections, so the server sees a clean
 * end of the session instead of a dropped socket.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GoodbyeOnCloseTest {
    @Test
    fun `closing the driver sends GOODBYE on idle pooled connections`() {
        ScriptedBoltServer.perConnection {
            connection {
                hello()
                logon()
                expect(RequestKind.RUN); expect(RequestKind.PULL)
                reply(success("fields" to listOf("n")), record(1L), success("type" to "r"))
                expect(RequestKind.GOODBYE)
                afterScript(AfterScript.STRICT)
            }
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw"))
            runBlocking {
                val n = driver.session().use { it.run("RETURN 1 AS n").single().getLong("n") }
                assertEquals(1L, n)
                driver.close()
            }
            server.assertScriptCompleted()
            server.awaitOpenConnections(0)
        }
    }
}

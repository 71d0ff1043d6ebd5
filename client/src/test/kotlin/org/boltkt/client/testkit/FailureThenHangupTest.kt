package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.error.TokenExpiredException
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (stub/authorization): a server that answers RUN with FAILURE and then closes the connection
 * (as Neo4j does for expired credentials) must surface that FAILURE, not the lost connection that follows it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FailureThenHangupTest {
    @Test
    fun `a RUN failure followed by a hang-up reports the server's failure`() {
        ScriptedBoltServer {
            hello()
            logon()
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(failure("Neo.ClientError.Security.TokenExpired", "token expired"))
            closeConnection()
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw"))
            try {
                val error = assertThrows<TokenExpiredException> {
                    runBlocking { driver.session().use { s -> s.beginTransaction().run("RETURN 1 AS n") } }
                }
                assertEquals("Neo.ClientError.Security.TokenExpired", error.code)
            } finally {
                runBlocking { driver.close() }
            }
        }
    }
}

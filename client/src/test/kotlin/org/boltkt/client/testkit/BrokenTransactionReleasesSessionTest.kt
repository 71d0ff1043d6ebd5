package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (stub/configuration_hints): when an explicit transaction's connection dies, the session can begin
 * the next transaction without an explicit rollback (the server already rolled the dead one back).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BrokenTransactionReleasesSessionTest {
    @Test
    fun `a transaction whose connection died does not block the next one`() {
        ScriptedBoltServer.perConnection {
            connection {
                hello(); logon()
                expect(RequestKind.BEGIN); reply(success())
                expect(RequestKind.RUN); expect(RequestKind.PULL)
                closeConnection()
            }
            connection {
                hello(); logon()
                expect(RequestKind.BEGIN); reply(success())
                expect(RequestKind.RUN); expect(RequestKind.PULL)
                reply(success("fields" to listOf("n")), record(2L), success("type" to "r"))
                expect(RequestKind.COMMIT); reply(success("bookmark" to "bm-1"))
            }
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw"))
            try {
                runBlocking {
                    driver.session().use { session ->
                        val first = session.beginTransaction()
                        assertThrows<ServiceUnavailableException> { runBlocking { first.run("RETURN 1 AS n") } }
                        val second = session.beginTransaction()
                        assertEquals(2L, second.run("RETURN 2 AS n").single().getLong("n"))
                        second.commit()
                        assertFalse(first.isOpen)
                    }
                }
                server.assertScriptCompleted()
            } finally {
                runBlocking { driver.close() }
            }
        }
    }
}

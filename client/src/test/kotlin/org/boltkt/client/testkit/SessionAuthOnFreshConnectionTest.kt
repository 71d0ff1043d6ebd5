package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.QueryConfig
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (stub/driver_execute_query `test_configure_auth`): a query with its own credentials on a fresh
 * connection logs on with them directly (HELLO + LOGON as that user, Bolt 5.1+), instead of logging on as the
 * driver's user first and switching with LOGOFF/LOGON (which the script rejects). Before 5.1 the credentials go
 * in HELLO and cannot be switched, so session credentials stay refused there.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SessionAuthOnFreshConnectionTest {
    @Test
    fun `executeQuery with its own credentials logs on with them on a new connection`() {
        val logons = mutableListOf<Map<String, Any?>>()
        ScriptedBoltServer {
            handshake(BoltVersion(5, 1))
            expect(RequestKind.HELLO); reply(success("server" to "Neo4j/5.7.0", "connection_id" to "bolt-1"))
            // The script has no LOGOFF: a switch from the driver's user would fail it.
            expect(RequestKind.LOGON) { logons += it.extraNative }; reply(success())
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("n")), success("type" to "r"))
            expect(RequestKind.COMMIT); reply(success("bookmark" to "bm1"))
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pass"))
            try {
                runBlocking {
                    val config = QueryConfig(database = "adb", auth = AuthToken.basic("neo5j", "pass++"))
                    driver.executeQuery("RETURN 1 AS n", emptyMap(), config) { it.consume() }
                }
            } finally {
                runBlocking { driver.close() }
            }
            server.assertScriptCompleted()
        }
        assertEquals(1, logons.size)
        assertEquals("neo5j", logons[0]["principal"])
        assertEquals("pass++", logons[0]["credentials"])
    }

    @Test
    fun `before Bolt 5_1 a session with its own credentials is still refused on a new connection`() {
        val hellos = mutableListOf<Map<String, Any?>>()
        ScriptedBoltServer {
            handshake(BoltVersion(5, 0))
            expect(RequestKind.HELLO) { hellos += it.extraNative }
            reply(success("server" to "Neo4j/5.0.0", "connection_id" to "bolt-1"))
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pass"))
            try {
                runBlocking {
                    assertThrows<UnsupportedFeatureException> {
                        driver.session { auth = AuthToken.basic("neo5j", "pass++") }.use { it.run("RETURN 1").consume() }
                    }
                }
            } finally {
                runBlocking { driver.close() }
            }
        }
        assertEquals("neo4j", hellos.single()["principal"], "HELLO must carry the driver's credentials before 5.1")
    }
}

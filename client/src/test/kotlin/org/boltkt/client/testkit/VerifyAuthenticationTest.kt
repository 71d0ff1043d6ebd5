package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (stub/authorization/verify_authentication): `verifyAuthentication` as the official drivers do it.
 * The credentials are checked *now* (a pooled connection logs on again even when it carries them), on a READ
 * connection for the `system` database (the ROUTE names it); Unauthorized, TokenExpired, CredentialsExpired and
 * Forbidden mean false, other security errors are thrown with their code; before Bolt 5.1 it is refused, since the
 * credentials are session-level.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VerifyAuthenticationTest {
    private val driverAuth = AuthToken.basic("neo4j", "pass")

    private fun ScriptBuilder.warmUpQuery() {
        expect(RequestKind.RUN); expect(RequestKind.PULL)
        reply(success("fields" to listOf("n")), record(1L), success("type" to "r"))
    }

    private fun <T> withDriver(uri: String, block: suspend (Driver) -> T): T {
        val driver = BoltDriver(uri, driverAuth)
        try {
            return runBlocking { block(driver) }
        } finally {
            runBlocking { driver.close() }
        }
    }

    private fun warmThenRefusedLogon(code: String) = ScriptedBoltServer {
        handshake(BoltVersion(5, 1))
        hello(server = "Neo4j/5.1.0"); logon()
        warmUpQuery()
        expect(RequestKind.LOGOFF)
        expect(RequestKind.LOGON) { assertEquals("neo4j", it.extraNative["principal"]) }
        reply(success(), failure(code, "These are not the credentials you're looking for."))
    }

    @Test
    fun `a pooled connection with the same credentials logs on again, and a refusal means false`() {
        warmThenRefusedLogon("Neo.ClientError.Security.Unauthorized").start().use { server ->
            val verified = withDriver(server.uri) { driver ->
                driver.session().use { it.run("TESTKIT WARMUP").consume() }
                driver.verifyAuthentication(driverAuth)
            }
            assertFalse(verified)
            server.assertScriptCompleted()
        }
    }

    @Test
    fun `CredentialsExpired and Forbidden mean not authenticated, not an error`() {
        for (code in listOf("Neo.ClientError.Security.CredentialsExpired", "Neo.ClientError.Security.Forbidden")) {
            ScriptedBoltServer {
                handshake(BoltVersion(5, 1))
                hello(server = "Neo4j/5.1.0")
                expect(RequestKind.LOGON); reply(failure(code, "These are not the credentials you're looking for."))
            }.start().use { server ->
                assertFalse(withDriver(server.uri) { it.verifyAuthentication(AuthToken.basic("neo5j", "pass++")) }, code)
            }
        }
    }

    @Test
    fun `other security errors are thrown with their code`() {
        for (code in listOf("Neo.ClientError.Security.MadeUp", "Neo.ClientError.Security.AuthorizationExpired")) {
            warmThenRefusedLogon(code).start().use { server ->
                val error = assertThrows<ClientException> {
                    withDriver(server.uri) { driver ->
                        driver.session().use { it.run("TESTKIT WARMUP").consume() }
                        driver.verifyAuthentication(driverAuth)
                    }
                }
                assertEquals(code, error.code)
            }
        }
    }

    @Test
    fun `a routing driver asks for the system database's table with the credentials to verify`() {
        val verifyAuth = AuthToken.basic("neo5j", "pass++")
        val routeDatabases = mutableListOf<Any?>()
        val logons = mutableListOf<Any?>()
        ScriptedBoltServer {
            handshake(BoltVersion(5, 1))
            hello(server = "Neo4j/5.1.0")
            expect(RequestKind.LOGON) { logons += it.extraNative["principal"] }; reply(success())
            expect(RequestKind.ROUTE) { routeDatabases += it.extraNative["db"] }
            replyWith { _, context ->
                val here = listOf(context.serverAddress)
                listOf(ScriptedCluster.routeSuccess(ScriptedCluster.RoutingAnswer(here, here, here, ttlSeconds = 1000, database = "system")))
            }
            // The reader is the same server: its pooled connection (the router's) logs on again for the check.
            expect(RequestKind.LOGOFF)
            expect(RequestKind.LOGON) { logons += it.extraNative["principal"] }
            reply(success(), success())
        }.start().use { server ->
            assertTrue(withDriver("neo4j://${server.hostAndPort}") { it.verifyAuthentication(verifyAuth) })
        }
        assertEquals(listOf<Any?>("system"), routeDatabases)
        assertEquals(listOf<Any?>("neo5j", "neo5j"), logons)
    }

    @Test
    fun `before Bolt 5_1 it is refused, even for the driver's own credentials`() {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 0))
            hello(server = "Neo4j/5.0.0")
            warmUpQuery()
        }.start().use { server ->
            withDriver(server.uri) { driver ->
                assertThrows<UnsupportedFeatureException> { driver.verifyAuthentication(driverAuth) } // cold
                driver.session().use { it.run("TESTKIT WARMUP").consume() }
                assertThrows<UnsupportedFeatureException> { driver.verifyAuthentication(driverAuth) } // warm
            }
        }
    }
}

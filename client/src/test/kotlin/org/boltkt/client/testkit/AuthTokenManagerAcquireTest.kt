package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.auth.AuthTokenManager
import org.boltkt.client.error.BoltException
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * Found by testkit (stub/authorization `test_auth_token_manager`): how often the driver asks an auth token manager
 * for its token, and what a changed token does before Bolt 5.1. As the official drivers: once per acquire, when a
 * new connection is opened or when a pooled one is checked; before 5.1 (no LOGON) a changed token closes the pooled
 * connection and opens a new one (asking again), where boltkt used to fail with "re-authenticating needs Bolt 5.1".
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AuthTokenManagerAcquireTest {
    /** Answers with [current] and counts the calls, like testkit's TrackingAuthTokenManager. */
    private class CountingManager(var current: AuthToken) : AuthTokenManager {
        val getTokenCalls = AtomicInteger()
        val securityExceptions = AtomicInteger()
        override suspend fun getToken(): AuthToken = current.also { getTokenCalls.incrementAndGet() }
        override fun handleSecurityException(token: AuthToken, error: BoltException): Boolean {
            securityExceptions.incrementAndGet()
            return false
        }
    }

    private fun ScriptBuilder.query() {
        expect(RequestKind.RUN); expect(RequestKind.PULL)
        reply(success("fields" to listOf("n")), record(1L), success("type" to "r"))
    }

    private fun Driver.runOnce() = runBlocking { session().use { it.run("RETURN 1 AS n").consume() } }

    @Test
    fun `a static manager is asked once for a query on a new connection`() {
        val manager = CountingManager(AuthToken.basic("neo4j", "pass"))
        ScriptedBoltServer {
            handshake(BoltVersion(5, 1))
            hello(server = "Neo4j/5.1.0"); logon()
            query()
        }.start().use { server ->
            val driver = BoltDriver(server.uri, manager)
            try {
                driver.runOnce()
            } finally {
                runBlocking { driver.close() }
            }
            server.assertScriptCompleted()
        }
        assertEquals(1, manager.getTokenCalls.get(), "getToken calls for one query on a new connection")
        assertEquals(0, manager.securityExceptions.get())
    }

    @Test
    fun `before Bolt 5_1 a changed token replaces the pooled connection instead of failing`() {
        val manager = CountingManager(AuthToken.basic("neo4j", "pass"))
        val hellos = mutableListOf<Any?>()
        ScriptedBoltServer.perConnection {
            connection {
                handshake(BoltVersion(5, 0))
                expect(RequestKind.HELLO) { hellos += it.extraNative["principal"] }
                reply(success("server" to "Neo4j/5.0.0", "connection_id" to "bolt-0"))
                query(); query()
            }
            connection {
                handshake(BoltVersion(5, 0))
                expect(RequestKind.HELLO) { hellos += it.extraNative["principal"] }
                reply(success("server" to "Neo4j/5.0.0", "connection_id" to "bolt-1"))
                query(); query()
            }
        }.start().use { server ->
            val driver = BoltDriver(server.uri, manager)
            try {
                driver.runOnce()
                driver.runOnce()
                manager.current = AuthToken.basic("neo5j", "pass++")
                driver.runOnce()
                driver.runOnce()
            } finally {
                runBlocking { driver.close() }
            }
            server.assertScriptCompleted()
        }
        assertEquals(listOf("neo4j", "neo5j"), hellos)
        // 4 acquires, plus one for the connection that replaced the outdated one (testkit's expectation on 5.0).
        assertEquals(5, manager.getTokenCalls.get())
        assertEquals(0, manager.securityExceptions.get())
    }
}

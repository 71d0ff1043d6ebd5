package org.boltkt.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.ignored
import org.boltkt.testing.scripted.serveDefaults
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * The Java names for what the driver really throws in the flows testkit checks by class name (tx_run,
 * configuration_hints, iteration, authorization), against the scripted server.
 * (SecurityRetryableException has no flow here: the driver never marks an error as handled by its auth manager yet.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DriverErrorTypesTest {
    private fun errorType(script: ScriptBuilder.() -> Unit, driverOf: (String) -> Driver = { BoltDriver(it, AuthToken.basic("u", "p")) }, block: suspend (Driver) -> Unit): String =
        ScriptedBoltServer(script).start().use { server ->
            val driver = driverOf(server.uri)
            try {
                runBlocking { block(driver) }
                error("the block did not fail")
            } catch (e: Throwable) {
                if (e is IllegalStateException && e.message == "the block did not fail") throw e
                JavaErrorTypes.of(e)
            } finally {
                runBlocking { driver.close() }
            }
        }

    @Test
    fun `running in a transaction that failed earlier is TransactionTerminatedException`() {
        var firstError: String? = null
        val type = errorType({
            hello(); logon()
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(failure("Neo.ClientError.MadeUp.Code", "boom"), ignored())
            serveDefaults()
        }) { driver ->
            driver.session().use { s ->
                val tx = s.beginTransaction()
                firstError = runCatching { tx.run("invalid").list() }.exceptionOrNull()?.let(JavaErrorTypes::of)
                tx.run("RETURN 1 AS n")
            }
        }
        assertEquals("org.neo4j.driver.exceptions.ClientException", firstError)
        assertEquals("org.neo4j.driver.exceptions.TransactionTerminatedException", type)
    }

    @Test
    fun `committing a committed transaction is a plain ClientException`() {
        val type = errorType({ hello(); logon(); serveDefaults() }) { driver ->
            driver.session().use { s -> s.beginTransaction().apply { commit(); commit() } }
        }
        assertEquals("org.neo4j.driver.exceptions.ClientException", type)
    }

    @Test
    fun `single on an empty result is NoSuchRecordException`() {
        val type = errorType({ hello(); logon(); serveDefaults(rows = emptyList()) }) { driver ->
            driver.session().use { s -> s.run("RETURN 1 AS n").single() }
        }
        assertEquals("org.neo4j.driver.exceptions.NoSuchRecordException", type)
    }

    @Test
    fun `a silent server past its hinted receive timeout is ConnectionReadTimeoutException`() {
        val type = errorType({
            hello(extra = arrayOf("hints" to mapOf("connection.recv_timeout_seconds" to 1)))
            logon()
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            stall()
        }) { driver -> driver.session().use { s -> s.run("RETURN 1 AS n").list() } }
        assertEquals("org.neo4j.driver.exceptions.ConnectionReadTimeoutException", type)
    }

    @Test
    fun `a refused token is AuthenticationException`() {
        val type = errorType({
            hello(); logon()
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(failure("Neo.ClientError.Security.Unauthorized", "bad credentials"))
            closeConnection()
        }) { driver -> driver.session().use { s -> s.run("RETURN 1 AS n").list() } }
        assertEquals("org.neo4j.driver.exceptions.AuthenticationException", type)
    }

    @Test
    fun `reading a result after its transaction committed is ResultConsumedException`() {
        val type = errorType({ hello(); logon(); serveDefaults(rows = listOf(listOf(1L), listOf(2L))) }) { driver ->
            driver.session().use { s ->
                val tx = s.beginTransaction()
                val result = tx.run("RETURN 1 AS n")
                tx.commit()
                result.next()
            }
        }
        assertEquals("org.neo4j.driver.exceptions.ResultConsumedException", type)
    }

    /** testkit's TestDirectConnectionRecvTimeout flow for the Java driver name, which also rolls back explicitly. */
    @Test
    fun `after a read timeout in a transaction a run is TransactionTerminatedException and rollback succeeds`() {
        var firstError: String? = null
        val type = errorType({
            hello(extra = arrayOf("hints" to mapOf("connection.recv_timeout_seconds" to 1)))
            logon()
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            stall()
        }) { driver ->
            driver.session().use { s ->
                val tx = s.beginTransaction()
                firstError = runCatching { tx.run("timeout").list() }.exceptionOrNull()?.let(JavaErrorTypes::of)
                val second = runCatching { tx.run("in time") }.exceptionOrNull()
                tx.rollback()
                throw second ?: AssertionError("the second run did not fail")
            }
        }
        assertEquals("org.neo4j.driver.exceptions.ConnectionReadTimeoutException", firstError)
        assertEquals("org.neo4j.driver.exceptions.TransactionTerminatedException", type)
    }
}

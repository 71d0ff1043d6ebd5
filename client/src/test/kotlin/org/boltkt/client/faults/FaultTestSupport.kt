package org.boltkt.client.faults

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.DriverConfigBuilder
import org.boltkt.client.pool.PoolMetrics
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.boltkt.protocol.message.RequestKind
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.fail
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/** Shared helpers of the fault-injection tests: drivers against a scripted server, pool assertions, waiting. */
internal object Faults {
    /** Bound of every test body (each test class also carries a JUnit `@Timeout` as a backstop). */
    val TEST_TIMEOUT: Duration = 30.seconds

    /** A driver for [server] over [transport], with short timeouts so nothing a test provokes can hang it. */
    fun driver(server: ScriptedBoltServer, transport: TransportKind, configure: DriverConfigBuilder.() -> Unit = {}): Driver =
        BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) {
            this.transport = transport
            connectionAcquisitionTimeout = 5.seconds
            connectionTimeout = 2.seconds
            maxTransactionRetryTime = 2.seconds
            configure()
        }

    /** Runs [block] with a driver, bounded by [TEST_TIMEOUT]; closes the driver and the server afterwards. */
    fun withDriver(
        server: ScriptedBoltServer,
        transport: TransportKind,
        configure: DriverConfigBuilder.() -> Unit = {},
        block: suspend CoroutineScope.(Driver, ScriptedBoltServer) -> Unit,
    ) {
        server.start().use { s ->
            val driver = driver(s, transport, configure)
            try {
                runBlocking { withTimeout(TEST_TIMEOUT) { block(driver, s) } }
            } finally {
                runBlocking { withTimeout(10.seconds) { driver.close() } }
            }
        }
    }

    /** The single pool's metrics (a `bolt://` driver has exactly one). */
    fun Driver.pool(): PoolMetrics = metrics().single()

    /** Asserts the pool counts of the single pool. */
    fun Driver.assertPool(inUse: Int, idle: Int? = null) {
        val m = pool()
        assertEquals(inUse, m.inUse, "connections in use: $m")
        if (idle != null) assertEquals(idle, m.idle, "idle connections: $m")
    }

    /** `RETURN $x AS n` in a fresh session; returns the single value read. */
    suspend fun Driver.echo(x: Long): Long = session().use { s -> s.run("RETURN \$x AS n", mapOf("x" to x)).single().getLong("n") }

    /** Polls [condition] until it holds or [timeout] passes. */
    suspend fun eventually(timeout: Duration = 5.seconds, what: () -> String, condition: () -> Boolean) {
        val deadline = System.nanoTime() + timeout.inWholeNanoseconds
        while (!condition()) {
            if (System.nanoTime() > deadline) fail<Unit>("not reached within $timeout: ${what()}")
            delay(5)
        }
    }
}

/**
 * Script steps: a query `RETURN $x AS n` answered with [x] (the echo the tests use to prove a connection is in
 * sync: a desynchronised stream would hand back a stale answer).
 */
internal fun ScriptBuilder.echoQuery(x: Long) {
    expect(RequestKind.RUN) { check(it.parameters["x"] == org.boltkt.protocol.value.IntegerValue(x)) { "expected x=$x, got ${it.parameters}" } }
    expect(RequestKind.PULL)
    reply(success("fields" to listOf("n"), "t_first" to 0), record(x), success("has_more" to false, "bookmark" to "bm-$x"))
}

/** HELLO (typical Neo4j answer) and LOGON, on the default 5.x negotiation. */
internal fun ScriptBuilder.greet(connectionId: String = "bolt-1") {
    hello(connectionId = connectionId)
    logon()
}

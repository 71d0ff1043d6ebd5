package org.boltkt.client.faults

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.error.IncompleteCommitException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getString
import org.boltkt.client.use
import org.boltkt.testsupport.faults.Direction
import org.boltkt.testsupport.faults.Fault
import org.boltkt.testsupport.faults.FaultProxy
import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jServers
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.assumeNeo4jAvailable
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.net.InetSocketAddress
import java.util.UUID
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TimeSource

/**
 * A real Neo4j 5.26 killed with SIGKILL (its child JVM, no shutdown) while three things are in flight, then started
 * again over the same store on the same port; the drivers are never recreated:
 * - a long auto-commit read mid-stream fails with [ServiceUnavailableException] soon after the kill;
 * - a managed write whose first attempt is inside its work (its CREATE done, not committed) is retried once the
 *   server is back and its node exists exactly once;
 * - a managed write whose COMMIT the server executed and answered, while the [FaultProxy] held the answer, fails
 *   with [IncompleteCommitException], its work ran once (never retried) and its node exists at most once.
 * Afterwards the same drivers read and write on the restarted server and hold no connection.
 */
class ServerCrashAgainstNeo4jTest {
    @Test
    @Timeout(900)
    fun `Neo4j killed during a read, a write transaction and a COMMIT - same drivers recover, lost COMMIT not retried, no node twice`() {
        assumeNeo4jAvailable(Neo4jVersion.LTS_5_26)
        var server: Neo4jServer = Neo4jServers.startCrashable(Neo4jVersion.LTS_5_26, "crash-test")
        try {
            val run = UUID.randomUUID().toString()
            val auth = AuthTokens.basic(server.user, server.password)
            // The retry time covers the restart (a Neo4j start takes 20–120 s on a loaded machine).
            val direct = BoltDriver("bolt://${server.host}:${server.port}", auth) {
                maxTransactionRetryTime = 300.seconds
                connectionAcquisitionTimeout = 30.seconds
            }
            FaultProxy(InetSocketAddress(server.host, server.port)).use { proxy ->
                val proxied = BoltDriver("bolt://127.0.0.1:${proxy.port}", auth) {
                    maxConnectionPoolSize = 1
                    maxTransactionRetryTime = 300.seconds
                }
                try {
                    runBlocking(Dispatchers.Default) {
                        direct.executeQuery("RETURN 1")
                        proxied.executeQuery("RETURN 1")

                        val reading = CompletableDeferred<Unit>()
                        val read = async {
                            runCatching {
                                direct.session().use { s ->
                                    val result = s.run("UNWIND range(1, 1000000000) AS i RETURN i")
                                    var n = 0L
                                    while (result.next() != null) if (++n == 1_000L) reading.complete(Unit)
                                    n
                                }
                            }
                        }

                        val writeAttempts = AtomicInteger()
                        val inWork = CompletableDeferred<Unit>()
                        val killed = CompletableDeferred<Unit>()
                        val write = async {
                            runCatching {
                                direct.session().use { s ->
                                    s.executeWrite { tx ->
                                        val attempt = writeAttempts.incrementAndGet()
                                        tx.run("CREATE (:BoltktCrash {run: \$run, id: 'write'})", mapOf("run" to run)).consume()
                                        if (attempt == 1) {
                                            inWork.complete(Unit)
                                            killed.await()
                                        }
                                        tx.run("RETURN 1").consume()
                                    }
                                }
                            }
                        }

                        val commitAttempts = AtomicInteger()
                        val answeredBefore = CompletableDeferred<Long>()
                        val commit = async {
                            runCatching {
                                proxied.session().use { s ->
                                    s.executeWrite { tx ->
                                        commitAttempts.incrementAndGet()
                                        tx.run("CREATE (:BoltktCrash {run: \$run, id: 'commit'})", mapOf("run" to run)).consume()
                                        // Everything the server said so far has arrived; what it says next (the
                                        // COMMIT's answer) stays in the proxy.
                                        val connection = proxy.connections.single()
                                        proxy.inject(connection, Fault.Stall(Direction.TO_CLIENT))
                                        answeredBefore.complete(connection.received(Direction.TO_CLIENT))
                                    }
                                }
                            }
                        }

                        withTimeout(120.seconds) {
                            reading.await()
                            inWork.await()
                            val before = answeredBefore.await()
                            val connection = proxy.connections.single()
                            // The COMMIT went out and the server answered it: the transaction is committed.
                            while (connection.received(Direction.TO_CLIENT) <= before) delay(5)
                        }

                        server.kill()
                        val killedAt = TimeSource.Monotonic.markNow()
                        killed.complete(Unit)
                        // The server's end of the proxied connection died with it; the held answer is lost.
                        proxy.injectAll(Fault.Close)

                        val readOutcome = withTimeout(60.seconds) { read.await() }
                        println("crash: the read failed ${killedAt.elapsedNow()} after the kill with ${readOutcome.exceptionOrNull()}")
                        assertInstanceOf(ServiceUnavailableException::class.java, readOutcome.exceptionOrNull(), "the read's outcome: $readOutcome")

                        val commitOutcome = withTimeout(60.seconds) { commit.await() }
                        println("crash: the held COMMIT ended with ${commitOutcome.exceptionOrNull()}")
                        assertInstanceOf(IncompleteCommitException::class.java, commitOutcome.exceptionOrNull(), "the COMMIT's outcome: $commitOutcome")
                        assertEquals(1, commitAttempts.get(), "a lost COMMIT is never retried")

                        server = Neo4jServers.restartOnSamePort(server)
                        println("crash: restarted ${killedAt.elapsedNow()} after the kill: $server")

                        val writeOutcome = withTimeout(300.seconds) { write.await() }
                        println("crash: the managed write ended with $writeOutcome after ${writeAttempts.get()} attempts")
                        assertTrue(writeOutcome.isSuccess, "the managed write was retried onto the restarted server: $writeOutcome")
                        assertTrue(writeAttempts.get() >= 2, "the attempt the crash broke was run again")

                        val counts = direct.executeQuery(
                            "MATCH (n:BoltktCrash {run: \$run}) RETURN n.id AS id, count(*) AS c", mapOf("run" to run),
                        ).records.associate { it.getString("id") to it.getLong("c") }
                        println("crash: nodes on the restarted server: $counts")
                        assertEquals(1L, counts["write"], "the retried write is there exactly once")
                        assertTrue((counts["commit"] ?: 0L) <= 1L, "the lost COMMIT's node at most once")

                        // The same drivers work on the new server, through every API.
                        assertEquals(1_000L, direct.session().use { s -> s.run("UNWIND range(1, 1000) AS i RETURN i").list().size.toLong() })
                        assertEquals(7L, proxied.session().use { s -> s.run("RETURN 7 AS n").single().getLong("n") })
                        assertEquals(1L, proxied.executeQuery("RETURN 1 AS n").records.single().getLong("n"))
                        awaitNoneInUse(direct)
                        awaitNoneInUse(proxied)
                    }
                } finally {
                    runBlocking { proxied.close() }
                }
            }
            runBlocking { direct.close() }
        } finally {
            server.stop()
        }
    }

    private suspend fun awaitNoneInUse(driver: Driver) {
        val mark = TimeSource.Monotonic.markNow()
        while (driver.metrics().sumOf { it.inUse } > 0 && mark.elapsedNow() < 15.seconds) delay(50)
        assertEquals(0, driver.metrics().sumOf { it.inUse }, "connections in use: ${driver.metrics()}")
    }
}

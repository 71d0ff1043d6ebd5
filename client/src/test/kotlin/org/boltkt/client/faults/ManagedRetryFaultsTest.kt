package org.boltkt.client.faults

import org.boltkt.client.observe.RecordingLogger
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import org.boltkt.client.error.IncompleteCommitException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.ignored
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/** Managed transactions (`executeWrite`) under faults: what is retried, what must never be. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ManagedRetryFaultsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a transient FAILURE is retried, logged through the configured logger, and the second attempt's value returned`(transport: TransportKind) {
        val logger = RecordingLogger()
        retriedOnce(transport, logger)
        logger.formatted().any { it.startsWith("INFO Managed WRITE transaction attempt 1 failed with TransientException (Neo.TransientError.Transaction.DeadlockDetected)") } shouldBe true
        logger.formatted().any { it == "INFO Retrying a managed WRITE transaction (attempt 2)" } shouldBe true
        logger.formatted().any { it.startsWith("DEBUG Connected to ") } shouldBe true
    }

    private fun retriedOnce(transport: TransportKind, logger: RecordingLogger) = withDriver(
        ScriptedBoltServer {
            greet()
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(failure("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"), ignored())
            expect(RequestKind.RESET); reply(success())
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("n"), "t_first" to 0, "qid" to 0), record(11), success("has_more" to false))
            expect(RequestKind.COMMIT); reply(success("bookmark" to "bm-commit"))
        },
        transport, { maxTransactionRetryTime = 3.seconds; this.logger = logger },
    ) { driver, server ->
        val runs = AtomicInteger()
        val value = driver.session().use { s ->
            s.executeWrite { tx -> runs.incrementAndGet(); tx.run("MATCH (n) SET n.x = 1 RETURN 11 AS n").single().getLong("n") }
        }
        value shouldBe 11
        runs.get() shouldBe 2
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a connection dropped during COMMIT is an IncompleteCommitException and is not retried`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection { greet(); droppedAtCommit() }
            // No further connection is scripted: a retry would be recorded as a failure.
        },
        transport, { maxTransactionRetryTime = 3.seconds },
    ) { driver, server ->
        val runs = AtomicInteger()
        driver.session().use { s ->
            shouldThrow<IncompleteCommitException> {
                s.executeWrite { tx -> runs.incrementAndGet(); tx.run("CREATE (n) RETURN 1 AS n").single().getLong("n") }
            }
        }
        runs.get() shouldBe 1
        driver.assertPool(inUse = 0, idle = 0)
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a malformed or unexpected answer to COMMIT is an IncompleteCommitException and is not retried`(transport: TransportKind) {
        // A chunk of garbage (a string header claiming more bytes than the message has), then a RECORD: neither
        // tells whether the server committed.
        val answers = listOf<ScriptBuilder.() -> Unit>({ sendRaw(byteArrayOf(0, 3, 0xB1.toByte(), 0x70, 0xD0.toByte(), 0, 0)) }, { reply(record(1)) })
        for (answer in answers) withDriver(
            ScriptedBoltServer.perConnection {
                connection {
                    greet()
                    expect(RequestKind.BEGIN); reply(success())
                    expect(RequestKind.RUN); expect(RequestKind.PULL)
                    reply(success("fields" to listOf("n"), "t_first" to 0, "qid" to 0), record(1), success("has_more" to false))
                    expect(RequestKind.COMMIT)
                    answer()
                }
            },
            transport, { maxTransactionRetryTime = 3.seconds },
        ) { driver, server ->
            val runs = AtomicInteger()
            driver.session().use { s ->
                val e = shouldThrow<IncompleteCommitException> {
                    s.executeWrite { tx -> runs.incrementAndGet(); tx.run("CREATE (n) RETURN 1 AS n").single().getLong("n") }
                }
                e.isRetryable shouldBe false
            }
            runs.get() shouldBe 1
            driver.assertPool(inUse = 0, idle = 0)
            server.connectionsAccepted shouldBe 1
        }
    }

    /** A transaction of one record whose COMMIT the server answers by closing the connection (terminal). */
    private fun ScriptBuilder.droppedAtCommit() {
        expect(RequestKind.BEGIN); reply(success())
        expect(RequestKind.RUN); expect(RequestKind.PULL)
        reply(success("fields" to listOf("n"), "t_first" to 0, "qid" to 0), record(1), success("has_more" to false))
        expect(RequestKind.COMMIT)
        closeConnection()
    }

    /** One connection per agent: the read's COMMIT is dropped on the first; a second connection answers normally. */
    private fun lostReadCommit(agent: String) = ScriptedBoltServer.perConnection {
        connection { hello(server = agent); logon(); droppedAtCommit() }
        connection {
            hello(server = agent, connectionId = "bolt-2"); logon()
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("n"), "t_first" to 0, "qid" to 0), record(2), success("has_more" to false))
            expect(RequestKind.COMMIT); reply(success("bookmark" to "bm-read"))
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a managed READ transaction on Neo4j whose COMMIT is lost is run again, since Neo4j refuses writes in READ transactions`(transport: TransportKind) = withDriver(
        lostReadCommit("Neo4j/5.26.0"), transport, { maxTransactionRetryTime = 10.seconds },
    ) { driver, server ->
        val runs = AtomicInteger()
        val value = driver.session().use { s ->
            s.executeRead { tx -> runs.incrementAndGet(); tx.run("MATCH (n) RETURN count(n) AS n").single().getLong("n") }
        }
        value shouldBe 2
        runs.get() shouldBe 2
        server.connectionsAccepted shouldBe 2
        driver.assertPool(inUse = 0, idle = 1)
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
        "NIO, Memgraph/3.7.2", "KTOR, Memgraph/3.7.2",
        // Memgraph's default agent starts like Neo4j's: it must still not be taken for Neo4j
        "NIO, Neo4j/v5.11.0 compatible graph database server - Memgraph",
        "KTOR, Neo4j/v5.11.0 compatible graph database server - Memgraph",
    )
    fun `a lost READ COMMIT on a server that does not enforce READ access (Memgraph) stays an IncompleteCommitException`(transport: TransportKind, agent: String) = withDriver(
        lostReadCommit(agent), transport, { maxTransactionRetryTime = 10.seconds },
    ) { driver, server ->
        val runs = AtomicInteger()
        driver.session().use { s ->
            shouldThrow<IncompleteCommitException> {
                s.executeRead { tx -> runs.incrementAndGet(); tx.run("MATCH (n) RETURN count(n) AS n").single().getLong("n") }
            }
        }
        runs.get() shouldBe 1
        server.connectionsAccepted shouldBe 1
        driver.assertPool(inUse = 0, idle = 0)
    }
}

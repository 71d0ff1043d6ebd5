package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ConnectionAcquisitionTimeoutException
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.echo
import org.boltkt.client.faults.Faults.eventually
import org.boltkt.client.faults.Faults.withDriver
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
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/** A misbehaving server: silence, dropped connections, garbage, FAILURE answers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerFaultsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a server that never answers RUN - the caller's timeout fires, the connection dies, the pool recovers`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection { greet(); expect(RequestKind.RUN); expect(RequestKind.PULL); stall() }
            connection { greet("bolt-2"); echoQuery(5) }
        },
        transport, { connectionAcquisitionTimeout = 1.seconds; connectionTimeout = 1.seconds },
    ) { driver, server ->
        shouldThrow<TimeoutCancellationException> {
            withTimeout(400.milliseconds) { driver.session().use { it.run("RETURN 1 AS n").list() } }
        }
        driver.assertPool(inUse = 0, idle = 0)
        eventually(what = { "server still sees ${server.openConnections} open connections" }) { server.openConnections == 0 }
        driver.echo(5) shouldBe 5
        driver.assertPool(inUse = 0, idle = 1)
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `an exhausted pool fails with ConnectionAcquisitionTimeoutException and recovers`(transport: TransportKind) = withDriver(
        ScriptedBoltServer { greet(); expect(RequestKind.BEGIN); reply(success()); expect(RequestKind.ROLLBACK); reply(success()); echoQuery(6) },
        transport, { maxConnectionPoolSize = 1; connectionAcquisitionTimeout = 300.milliseconds },
    ) { driver, server ->
        val holder = driver.session()
        val tx = holder.beginTransaction()
        val started = System.nanoTime()
        val e = shouldThrow<ConnectionAcquisitionTimeoutException> { driver.echo(0) }
        val waitedMillis = (System.nanoTime() - started) / 1_000_000
        (waitedMillis >= 250) shouldBe true
        e.message!! shouldContain "Unable to acquire connection from the pool within configured maximum time of 300ms"
        e.message!! shouldContain "raise maxConnectionPoolSize or connectionAcquisitionTimeout"
        driver.assertPool(inUse = 1, idle = 0)
        tx.rollback()
        holder.close()
        driver.assertPool(inUse = 0, idle = 1)
        driver.echo(6) shouldBe 6
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a server closing mid-stream is a ServiceUnavailableException and the connection is not reused`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection {
                greet(); expect(RequestKind.RUN); expect(RequestKind.PULL)
                reply(success("fields" to listOf("n"), "t_first" to 0), record(1), record(2))
                closeConnection()
            }
            connection {
                greet("bolt-2"); expect(RequestKind.RUN); expect(RequestKind.PULL)
                reply(success("fields" to listOf("n"), "t_first" to 0), record(1))
                sendRaw(byteArrayOf(0x00, 0x10, 0xB1.toByte(), 0x71)) // a chunk header promising 16 bytes, then 2
                closeConnection()
            }
            connection { greet("bolt-3"); echoQuery(7) }
        },
        transport,
    ) { driver, server ->
        repeat(2) { attempt ->
            val e = shouldThrow<ServiceUnavailableException> {
                driver.session().use { it.run("UNWIND range(1, 5) AS n RETURN n").records().toList() }
            }
            (e is org.boltkt.client.error.IncompleteCommitException) shouldBe false
            driver.assertPool(inUse = 0, idle = 0)
            server.connectionsAccepted shouldBe attempt + 1
        }
        driver.echo(7) shouldBe 7
        server.connectionsAccepted shouldBe 3
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `garbage from the server is a ProtocolException and the connection is closed`(transport: TransportKind) {
        // 1: a structure with an unknown response signature; 2: a reserved PackStream marker; 3: RECORD before RUN's answer.
        val garbage = listOf(
            byteArrayOf(0x00, 0x02, 0xB0.toByte(), 0x2A, 0x00, 0x00),
            byteArrayOf(0x00, 0x03, 0xB1.toByte(), 0x70, 0xC7.toByte(), 0x00, 0x00),
        )
        withDriver(
            ScriptedBoltServer.perConnection {
                garbage.forEachIndexed { i, bytes ->
                    connection { greet("bolt-$i"); expect(RequestKind.RUN); expect(RequestKind.PULL); sendRaw(bytes); stall() }
                }
                connection { greet("bolt-r"); expect(RequestKind.RUN); expect(RequestKind.PULL); reply(record(1)); stall() }
                connection { greet("bolt-ok"); echoQuery(8) }
            },
            transport,
        ) { driver, server ->
            repeat(garbage.size + 1) { i ->
                shouldThrow<ProtocolException> { driver.session().use { it.run("RETURN 1 AS n").list() } }
                driver.assertPool(inUse = 0, idle = 0)
                eventually(what = { "case $i: server still sees ${server.openConnections} open connections" }) { server.openConnections == 0 }
            }
            driver.echo(8) shouldBe 8
            driver.assertPool(inUse = 0, idle = 1)
            server.assertScriptCompleted()
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a RECORD whose field count differs from the keys is a ProtocolException on every read path, never retried`(transport: TransportKind) {
        val reads = listOf<Pair<String, suspend (org.boltkt.client.Result) -> Unit>>(
            "list" to { it.list() },
            "records" to { it.records().toList() },
            "next" to { it.next() },
            "single" to { it.single() },
            "consume after next" to { r -> r.next(); r.consume() },
        )
        withDriver(
            ScriptedBoltServer.perConnection {
                reads.forEach { (name, _) ->
                    connection {
                        greet("bolt-$name"); expect(RequestKind.RUN); expect(RequestKind.PULL)
                        reply(success("fields" to listOf("n"), "t_first" to 0), record(1, 2)); stall()
                    }
                }
                connection {
                    greet("bolt-tx"); expect(RequestKind.BEGIN); reply(success()); expect(RequestKind.RUN); expect(RequestKind.PULL)
                    reply(success("fields" to listOf("n"), "t_first" to 0, "qid" to 0), record(1, 2)); stall()
                }
                connection { greet("bolt-ok"); echoQuery(8) }
            },
            transport,
        ) { driver, server ->
            for ((name, read) in reads) {
                val e = shouldThrow<ProtocolException> { driver.session().use { read(it.run("RETURN 1 AS n")) } }
                e.message shouldContain "2 fields"
                driver.assertPool(inUse = 0, idle = 0)
                eventually(what = { "$name: server still sees ${server.openConnections} open connections" }) { server.openConnections == 0 }
            }
            var attempts = 0
            shouldThrow<ProtocolException> {
                driver.session().use { s -> s.executeWrite { tx -> attempts++; tx.run("RETURN 1 AS n").list() } }
            }
            attempts shouldBe 1
            driver.echo(8) shouldBe 8
            server.assertScriptCompleted()
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a malformed plan or status in the summary is a ProtocolException from consume, and the session stays usable`(transport: TransportKind) {
        val summaries = listOf(
            success("type" to "r", "plan" to mapOf("identifiers" to listOf("n"))),
            success("type" to "r", "statuses" to listOf(mapOf("status_description" to "no gql_status"))),
        )
        withDriver(
            ScriptedBoltServer {
                greet()
                for (summary in summaries) {
                    expect(RequestKind.RUN); expect(RequestKind.PULL)
                    reply(success("fields" to listOf("n"), "t_first" to 0), record(1), summary)
                }
                echoQuery(9)
            },
            transport,
        ) { driver, server ->
            driver.session().use { s ->
                repeat(summaries.size) {
                    val result = s.run("EXPLAIN RETURN 1 AS n")
                    result.list().size shouldBe 1
                    shouldThrow<ProtocolException> { result.consume() }.message shouldContain "summary"
                }
            }
            driver.echo(9) shouldBe 9
            driver.assertPool(inUse = 0, idle = 1)
            server.assertScriptCompleted()
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a FAILURE on RUN is mapped and the connection is RESET and reused`(transport: TransportKind) = withDriver(
        ScriptedBoltServer {
            greet()
            failingRun("Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETRUN'")
            expect(RequestKind.RESET); reply(success())
            echoQuery(9)
            failingRun("Neo.ClientError.Schema.ConstraintValidationFailed", "already exists")
            expect(RequestKind.RESET); reply(success())
            echoQuery(10)
        },
        transport,
    ) { driver, server ->
        val e = shouldThrow<ClientException> { driver.session().use { it.run("RETRUN 1").list() } }
        e.code shouldBe "Neo.ClientError.Statement.SyntaxError"
        e.message!! shouldContain "RETRUN"
        driver.assertPool(inUse = 0, idle = 1)
        driver.echo(9) shouldBe 9
        // The same session after a failure: its next run gets the (reset) connection again.
        driver.session().use { s ->
            shouldThrow<ClientException> { s.run("CREATE (:U {id: 1})").consume() }.code shouldBe "Neo.ClientError.Schema.ConstraintValidationFailed"
            s.run("RETURN \$x AS n", mapOf("x" to 10L)).single()
        }
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 1
        server.requests(0).count { it.kind == RequestKind.RESET } shouldBe 2
        server.assertScriptCompleted()
    }
}

/** RUN + PULL answered with a FAILURE and the pipelined PULL IGNORED. */
private fun ScriptBuilder.failingRun(code: String, message: String) {
    expect(RequestKind.RUN)
    expect(RequestKind.PULL)
    reply(failure(code, message), ignored())
}

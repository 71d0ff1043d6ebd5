package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.joinAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeout
import org.boltkt.client.error.ConnectionAcquisitionTimeoutException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.echo
import org.boltkt.client.faults.Faults.eventually
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.serveDefaults
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit
import kotlin.random.Random
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/**
 * Cancellation at every interesting point of a query's life: while collecting, while waiting for the server, while
 * waiting for a pool permit, while connecting. Afterwards the pool must be whole and the next query must get an
 * in-sync connection (it must read its own answer, not a stale one).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CancellationFaultsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `take(1) discards the rest and the connection is reused in sync`(transport: TransportKind) = withDriver(
        ScriptedBoltServer {
            greet()
            expect(RequestKind.RUN)
            expect(RequestKind.PULL) { check(it.n == 2L) { "fetch size 2 expected, got ${it.n}" } }
            reply(success("fields" to listOf("n"), "t_first" to 0), record(1), record(2), success("has_more" to true))
            // take(1) stops the stream: the rest of the batch is drained, then the remainder is discarded.
            expect(RequestKind.DISCARD)
            reply(success("has_more" to false, "bookmark" to "bm-1"))
            echoQuery(42)
        },
        transport, { fetchSize = 2 },
    ) { driver, server ->
        val first = driver.session().use { s -> s.run("UNWIND range(1, 10) AS n RETURN n").records().take(1).toList() }
        first.map { it.getLong("n") } shouldBe listOf(1L)
        driver.assertPool(inUse = 0, idle = 1)
        driver.echo(42) shouldBe 42
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a collector cancelled between records leaves an in-sync connection in the pool`(transport: TransportKind) = withDriver(
        ScriptedBoltServer {
            greet()
            expect(RequestKind.RUN)
            expect(RequestKind.PULL)
            reply(success("fields" to listOf("n"), "t_first" to 0), record(1), record(2), success("has_more" to false, "bookmark" to "bm-1"))
            echoQuery(43)
        },
        transport,
    ) { driver, server ->
        val gotFirst = CompletableDeferred<Unit>()
        val collector = launch(Dispatchers.Default) {
            driver.session().use { s ->
                s.run("UNWIND [1, 2] AS n RETURN n").records().collect {
                    gotFirst.complete(Unit)
                    awaitCancellation() // cancelled in the consumer's code, not while reading
                }
            }
        }
        gotFirst.await()
        collector.cancelAndJoin()
        driver.assertPool(inUse = 0, idle = 1)
        driver.echo(43) shouldBe 43
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a collector cancelled while waiting for the next record closes the connection`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection {
                greet()
                expect(RequestKind.RUN)
                expect(RequestKind.PULL)
                reply(success("fields" to listOf("n"), "t_first" to 0), record(1))
                stall() // the rest never comes
            }
            connection { greet("bolt-2"); echoQuery(44) }
        },
        transport,
    ) { driver, server ->
        val gotFirst = CompletableDeferred<Unit>()
        val collector = launch(Dispatchers.Default) {
            driver.session().use { s -> s.run("UNWIND [1, 2] AS n RETURN n").records().collect { gotFirst.complete(Unit) } }
        }
        gotFirst.await()
        delay(50) // the collector is suspended reading record 2
        collector.cancelAndJoin()
        driver.assertPool(inUse = 0, idle = 0)
        eventually(what = { "server still sees ${server.openConnections} open connections" }) { server.openConnections == 0 }
        driver.echo(44) shouldBe 44
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 2
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `withTimeout around a query stalled mid-stream closes the connection and the next query gets a fresh one`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection {
                greet()
                expect(RequestKind.RUN)
                expect(RequestKind.PULL)
                reply(success("fields" to listOf("n"), "t_first" to 0), record(1), record(2))
                stall()
            }
            connection { greet("bolt-2"); echoQuery(45) }
        },
        transport,
    ) { driver, server ->
        val session = driver.session()
        shouldThrow<TimeoutCancellationException> {
            withTimeout(300.milliseconds) { session.run("UNWIND range(1, 5) AS n RETURN n").records().toList() }
        }
        driver.assertPool(inUse = 0, idle = 0)
        eventually(what = { "server still sees ${server.openConnections} open connections" }) { server.openConnections == 0 }
        // The same session keeps working: the abandoned result must not try to read from the dead connection.
        session.run("RETURN \$x AS n", mapOf("x" to 45L)).single().getLong("n") shouldBe 45
        session.close()
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 2
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `cancelling a permit waiter racing a release leaks no permit`(transport: TransportKind) = withDriver(
        ScriptedBoltServer { serveDefaults() },
        transport, { maxConnectionPoolSize = 1; connectionAcquisitionTimeout = 1.seconds },
    ) { driver, _ ->
        val random = Random(42)
        repeat(200) { round ->
            val holder = driver.session()
            val tx = holder.beginTransaction() // the pool's only connection
            val waiter = launch(Dispatchers.Default) { driver.session().use { it.run("RETURN 1 AS n").consume() } }
            delay(random.nextLong(0, 3).milliseconds)
            val release = launch(Dispatchers.Default, start = CoroutineStart.LAZY) { tx.close(); holder.close() }
            val cancel = launch(Dispatchers.Default, start = CoroutineStart.LAZY) { waiter.cancel() }
            if (round % 2 == 0) { release.start(); cancel.start() } else { cancel.start(); release.start() }
            joinAll(release, cancel, waiter)
            eventually(what = { "round $round: ${driver.metrics()}" }) { driver.metrics().single().inUse == 0 }
        }
        // Exactly the pool size can be held: one more acquire times out (no extra permit), one fewer works.
        val holder = driver.session()
        val tx = holder.beginTransaction()
        driver.assertPool(inUse = 1)
        shouldThrow<ConnectionAcquisitionTimeoutException> { driver.session().use { it.run("RETURN 1 AS n").consume() } }
        tx.close(); holder.close()
        driver.assertPool(inUse = 0, idle = 1)
        driver.echo(1) shouldBe 1
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `cancelling during the handshake or HELLO closes the socket and returns the permit`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection { handshakeNoAnswer() }
            connection { expect(RequestKind.HELLO); stall() }
            connection { greet("bolt-3"); echoQuery(46) }
        },
        transport, { maxConnectionPoolSize = 1 },
    ) { driver, server ->
        // 1: stuck in the handshake.
        val first = launch(Dispatchers.Default) { driver.echo(0) }
        eventually(what = { "no connection accepted" }) { server.connectionsAccepted == 1 }
        delay(50)
        first.cancelAndJoin()
        eventually(what = { "server still sees the handshake socket open" }) { server.openConnections == 0 }
        driver.assertPool(inUse = 0, idle = 0)
        // 2: HELLO sent, never answered.
        val second = launch(Dispatchers.Default) { driver.echo(0) }
        eventually(what = { "HELLO not received" }) { server.connectionsAccepted == 2 && server.requests(1).isNotEmpty() }
        second.cancelAndJoin()
        eventually(what = { "server still sees the HELLO socket open" }) { server.openConnections == 0 }
        driver.assertPool(inUse = 0, idle = 0)
        // The single permit is back.
        driver.echo(46) shouldBe 46
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 3
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `an acquisition timeout firing during the handshake closes the socket and returns the permit`(transport: TransportKind) = withDriver(
        ScriptedBoltServer.perConnection {
            connection { handshakeNoAnswer() }
            connection { greet("bolt-2"); echoQuery(47) }
        },
        transport, { maxConnectionPoolSize = 1; connectionAcquisitionTimeout = 300.milliseconds },
    ) { driver, server ->
        shouldThrow<ConnectionAcquisitionTimeoutException> { driver.echo(0) }
        eventually(what = { "server still sees the handshake socket open" }) { server.openConnections == 0 }
        driver.assertPool(inUse = 0, idle = 0)
        driver.echo(47) shouldBe 47
        server.connectionsAccepted shouldBe 2
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `many concurrent cancelled collectors leave the pool whole`(transport: TransportKind) = withDriver(
        ScriptedBoltServer { serveDefaults(rows = (1..50).map { listOf(it.toLong()) }) },
        transport, { maxConnectionPoolSize = 4; fetchSize = 3 },
    ) { driver, server ->
        coroutineScope {
            repeat(100) { i ->
                launch(Dispatchers.Default) {
                    val job = launch {
                        driver.session().use { s -> s.run("UNWIND range(1, 50) AS n RETURN n").records().collect { if (it.getLong("n") > 5) delay(1) } }
                    }
                    delay((i % 7).milliseconds)
                    job.cancelAndJoin()
                }
            }
        }
        driver.assertPool(inUse = 0)
        // Every connection the pool let go of was really closed: the server sees only the idle ones.
        eventually(what = { "server open ${server.openConnections}, pool ${driver.metrics()}" }) {
            server.openConnections == driver.metrics().single().idle
        }
        driver.session().use { s -> s.run("UNWIND range(1, 50) AS n RETURN n").list().map { it.getLong("n") } } shouldBe (1L..50L).toList()
    }
}

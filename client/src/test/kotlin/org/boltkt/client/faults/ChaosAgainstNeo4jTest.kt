package org.boltkt.client.faults

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.launch
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.IncompleteCommitException
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.testsupport.faults.ChaosSettings
import org.boltkt.testsupport.faults.Fault
import org.boltkt.testsupport.faults.FaultProxy
import org.boltkt.testsupport.faults.ProcessResources
import org.boltkt.testsupport.faults.ResourceSampler
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.net.InetSocketAddress
import java.nio.file.Path
import java.util.UUID
import java.util.concurrent.atomic.AtomicLong
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TimeSource

/**
 * Managed writes through a proxy that injects random network faults between the driver and a real Neo4j 5.26.
 * Afterwards every promise is checked against the server itself (not through the proxy): nothing lost, nothing
 * written twice, every failure a public exception, no call past its bound, no connection, thread or file left over.
 * `-Dboltkt.chaos.seconds`, `-Dboltkt.chaos.workers` and `-Dboltkt.chaos.seed` size and repeat a run;
 * `-Dboltkt.chaos.csv=<file>` samples heap after GC, threads and fds into a CSV every
 * `-Dboltkt.chaos.sampleSeconds` (60), as the `-Psoak` profile does for a 30-minute run.
 */
class ChaosAgainstNeo4jTest {
    private val seconds = System.getProperty("boltkt.chaos.seconds")?.toLong() ?: 15
    private val workers = System.getProperty("boltkt.chaos.workers")?.toInt() ?: 20
    private val seed = System.getProperty("boltkt.chaos.seed")?.toLong() ?: System.nanoTime()
    private val csv = System.getProperty("boltkt.chaos.csv")?.let { Path.of(it) }
    private val sampleSeconds = System.getProperty("boltkt.chaos.sampleSeconds")?.toLong() ?: 60

    private data class Failed(val id: Int, val elapsedMillis: Long, val error: Throwable)

    /**
     * What one worker saw, kept small so a 30-minute soak measures the driver's memory, not the test's: committed
     * ids in an int array, failures whole, and the slowest call.
     */
    private class Outcomes {
        var committed = IntArray(1024)
        var committedCount = 0
        val failed = ArrayList<Failed>()
        var slowestMillis = 0L
        var slowestId = -1

        fun commit(id: Int) {
            if (committedCount == committed.size) committed = committed.copyOf(committed.size * 2)
            committed[committedCount++] = id
        }

        fun took(id: Int, millis: Long) {
            if (millis > slowestMillis) { slowestMillis = millis; slowestId = id }
        }

        fun committedIds(): Sequence<Int> = (0 until committedCount).asSequence().map { committed[it] }
    }

    @Test
    @Timeout(600)
    fun `managed writes under random faults - each success exactly once, no unexplained write, nothing leaked`() {
        val server = neo4jServerOrSkip(Neo4jVersion.LTS_5_26)
        val run = UUID.randomUUID().toString()
        println("chaos seed=$seed seconds=$seconds workers=$workers run=$run")
        // The baseline is a process that has already used a driver: the JDK's and kotlinx's shared pools keep
        // their threads once started, and only what the driver itself holds must be gone afterwards.
        warmUp(server.host, server.port, server.user, server.password)
        val baselineThreads = ProcessResources.liveThreads()
        val baselineFds = ProcessResources.openFds()
        val baselineNames = ProcessResources.threadNames()
        val finished = AtomicLong()
        val sampler = csv?.let { ResourceSampler(it, sampleSeconds * 1000) { finished.get() } }
        // Read and write timeouts shorter than Neo4j's 120 s hint make every wait of a call short, so each call has a
        // tight bound (ChaosSettings: retry time, one backoff, acquisition, five answers).
        val callBound = ChaosSettings.callBoundMillis().milliseconds
        assertTrue(callBound <= 30.seconds, "the asserted bound per call is tight: $callBound")
        val outcomes = FaultProxy(InetSocketAddress(server.host, server.port), seed).use { proxy ->
            val driver = BoltDriver("bolt://127.0.0.1:${proxy.port}", AuthTokens.basic(server.user, server.password)) {
                maxConnectionPoolSize = workers
                connectionAcquisitionTimeout = ChaosSettings.ACQUISITION_MILLIS.milliseconds
                maxTransactionRetryTime = ChaosSettings.RETRY_MILLIS.milliseconds
                connectionReadTimeout = ChaosSettings.IO_MILLIS.milliseconds
                connectionWriteTimeout = ChaosSettings.IO_MILLIS.milliseconds
            }
            try {
                proxy.startRandomFaults(intervalMillis = 200, menu = MENU)
                val deadline = TimeSource.Monotonic.markNow() + seconds.seconds
                val results = runBlocking(Dispatchers.Default) {
                    // After the run window every connection is reset each half second, so calls still waiting on a
                    // stalled or blackholed connection end instead of waiting for the next random fault to reach it.
                    val windDown = launch {
                        delay(seconds.seconds)
                        while (true) { proxy.injectAll(Fault.Reset); delay(500) }
                    }
                    (0 until workers).map { w ->
                        async {
                            val mine = Outcomes()
                            var n = 0
                            while (deadline.hasNotPassedNow()) {
                                val id = w * 10_000_000 + n++
                                val started = TimeSource.Monotonic.markNow()
                                try {
                                    driver.session().use { s ->
                                        s.executeWrite { tx ->
                                            tx.run("CREATE (:BoltktChaos {run: \$run, id: \$id})", mapOf("run" to run, "id" to id)).consume()
                                        }
                                    }
                                    mine.commit(id)
                                } catch (e: Throwable) {
                                    if (e is kotlinx.coroutines.CancellationException && e !is kotlinx.coroutines.TimeoutCancellationException) throw e
                                    mine.failed += Failed(id, started.elapsedNow().inWholeMilliseconds, e)
                                }
                                mine.took(id, started.elapsedNow().inWholeMilliseconds)
                                finished.incrementAndGet()
                            }
                            mine
                        }
                    }.awaitAll().also { windDown.cancel() }
                }
                proxy.stopRandomFaults()
                proxy.heal()
                println("chaos faults injected: ${proxy.injected.groupingBy { it.fault }.eachCount()}")
                runBlocking { awaitNoneInUse(driver) }
                results
            } finally {
                runBlocking { driver.close() }
            }
        }
        sampler?.close()
        val written = countWritten(server.host, server.port, server.user, server.password, run)
        report(outcomes)

        val failures = outcomes.flatMap { it.failed }
        val committed = outcomes.flatMap { it.committedIds() }
        assertTrue(committed.isNotEmpty(), "some writes succeeded")
        failures.forEach { assertTrue(it.error is BoltException, "not a public exception: ${it.error.stackTraceToString()}") }
        val slowest = outcomes.maxBy { it.slowestMillis }
        assertTrue(slowest.slowestMillis <= callBound.inWholeMilliseconds, "call ${slowest.slowestId} took ${slowest.slowestMillis} ms, bound $callBound")
        for (id in committed) assertEquals(1, written[id] ?: 0, "committed write $id is on the server exactly once")
        for (f in failures) {
            val count = written[f.id] ?: 0
            if (f.error is IncompleteCommitException) assertTrue(count <= 1, "write ${f.id} twice")
            else assertEquals(0, count, "write ${f.id} failed with ${f.error} yet is on the server")
        }
        val known = committed.toHashSet().also { ids -> failures.forEach { ids += it.id } }
        assertEquals(committed.size + failures.size, known.size, "every call has its own id")
        assertTrue(written.keys.all { it in known }, "no write the callers do not know of")
        ProcessResources.awaitBaseline("threads", baselineThreads, { ProcessResources.liveThreads() }) { "new threads: ${ProcessResources.threadNames() - baselineNames.toSet()}" }
        ProcessResources.awaitBaseline("file descriptors", baselineFds, { ProcessResources.openFds() }) { "" }
    }

    private suspend fun awaitNoneInUse(driver: org.boltkt.client.Driver) {
        val mark = TimeSource.Monotonic.markNow()
        while (driver.metrics().sumOf { it.inUse } > 0 && mark.elapsedNow() < 15.seconds) delay(50)
        assertEquals(0, driver.metrics().sumOf { it.inUse }, "connections in use after every call returned: ${driver.metrics()}")
    }

    private fun countWritten(host: String, port: Int, user: String, password: String, run: String): Map<Int, Int> = runBlocking {
        val direct = BoltDriver("bolt://$host:$port", AuthTokens.basic(user, password))
        try {
            direct.executeQuery("MATCH (n:BoltktChaos {run: \$run}) RETURN n.id AS id, count(*) AS c", mapOf("run" to run))
                .records.associate { it.getLong("id").toInt() to it.getLong("c").toInt() }
        } finally {
            direct.close()
        }
    }

    private fun report(outcomes: List<Outcomes>) {
        val failed = outcomes.flatMap { it.failed }
        val committed = outcomes.sumOf { it.committedCount }
        val byType = failed.groupingBy { it.error::class.simpleName }.eachCount()
        println("chaos outcomes (${committed + failed.size} calls): committed=$committed, failed $byType; slowest ${outcomes.maxOf { it.slowestMillis }} ms")
        failed.groupBy { it.error::class }.forEach { (type, f) -> println("  ${type.simpleName}: ${f.first().error.message?.take(300)}") }
    }

    private companion object {
        /**
         * Every fault but a flipped byte on its way to the server: Bolt carries no checksum, so a corrupted
         * parameter can be committed as sent, and no driver can tell (TCP's checksum is what prevents it).
         */
        val MENU = Fault.ALL - Fault.FlipByte(org.boltkt.testsupport.faults.Direction.TO_SERVER)
    }

    private fun warmUp(host: String, port: Int, user: String, password: String) = runBlocking(Dispatchers.Default) {
        val driver = BoltDriver("bolt://$host:$port", AuthTokens.basic(user, password)) { maxConnectionPoolSize = workers }
        try {
            (0 until workers).map { async { driver.executeQuery("RETURN 1") } }.awaitAll()
        } finally {
            driver.close()
        }
    }
}

package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.flow.toList
import org.boltkt.client.Result
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.error.ResultConsumedException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.echo
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getString
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ReceivedRequest
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * Fetch-ahead (`DriverConfig.fetchAhead`): a read that brings a batch's end (SUCCESS with `has_more`) behind records
 * the caller has not taken yet sends the next PULL at once, so the server works on the next batch meanwhile. The
 * scripts fix the exact request sequence; a script expecting one request and receiving another fails the test.
 * Batches: the first one arrives with RUN's answer and is handed out from memory; the second one is read when the
 * caller asks for record 3, and that read holds records 3 and 4 and the batch's end, so PULL 3 goes out before
 * record 4 is taken. Most tests fix every PULL at the fetch size (`fetchSizeGrowth = 1`); the growth tests let PULLs
 * double (`DriverConfig.fetchSizeGrowth`). With fetchAhead off, PULLs never grow.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FetchAheadTest {
    private val pulls = ArrayList<Long?>()

    private fun ScriptBuilder.pull() = expect(RequestKind.PULL) { pulls += it.n }

    /** RUN + PULL answered with records 1 and 2 and `has_more`, then the second PULL answered with 3, 4 and `has_more`. */
    private fun ScriptBuilder.twoBatches() {
        greet()
        expect(RequestKind.RUN)
        pull()
        reply(success("fields" to listOf("n"), "t_first" to 0), record(1), record(2), success("has_more" to true))
        pull()
        reply(record(3), record(4), success("has_more" to true))
    }

    private suspend fun Result.takeRecords(count: Int): List<Long> = (1..count).map { next()!!.getLong("n") }

    @Test
    fun `the next PULL goes out with a batch's end, and an early consume drains the batch pulled ahead`() = withDriver(
        ScriptedBoltServer {
            twoBatches()
            pull() // ahead: sent while record 4 was still untaken
            reply(record(5), record(6), success("has_more" to true))
            expect(RequestKind.DISCARD)
            reply(success("has_more" to false, "bookmark" to "bm-1"))
            echoQuery(42)
        },
        TransportKind.NIO,
        configure = { fetchSize = 2; fetchSizeGrowth = 1 },
    ) { driver, server ->
        driver.session().use { s ->
            val result = s.run("UNWIND range(1, 10) AS n RETURN n")
            result.takeRecords(3) shouldBe listOf(1L, 2L, 3L)
            result.consume() // records 4–6 are drained, then the rest is discarded
            shouldThrow<ResultConsumedException> { result.next() }
        }
        driver.assertPool(inUse = 0, idle = 1)
        driver.echo(42) shouldBe 42 // the connection is in sync: it reads its own answer
        pulls shouldBe listOf(2L, 2L, 2L)
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    @Test
    fun `with fetchAhead off the next PULL waits until the caller reaches the batch's end`() = withDriver(
        ScriptedBoltServer {
            twoBatches()
            expect(RequestKind.DISCARD)
            reply(success("has_more" to false, "bookmark" to "bm-1"))
            echoQuery(42)
        },
        TransportKind.NIO,
        configure = { fetchSize = 2; fetchAhead = false },
    ) { driver, server ->
        driver.session().use { s ->
            val result = s.run("UNWIND range(1, 10) AS n RETURN n")
            result.takeRecords(3) shouldBe listOf(1L, 2L, 3L)
            result.consume()
        }
        driver.echo(42) shouldBe 42
        pulls shouldBe listOf(2L, 2L)
        server.assertScriptCompleted()
    }

    // Two full batches may be outstanding at once: neither is "more RECORDs than" its own PULL asked for.
    @Test
    fun `a result read to its end with a PULL ahead keeps every record in order and counts each PULL's own records`() =
        readToTheEnd(growth = 1, batches = listOf(1L..2L, 3L..4L, 5L..6L, 7L..7L), expectedPulls = listOf(2L, 2L, 2L, 2L))

    @Test
    fun `PULLs grow by doubling up to fetchSize times fetchSizeGrowth, each counted against its own size`() =
        readToTheEnd(growth = 4, batches = listOf(1L..2L, 3L..6L, 7L..14L, 15L..17L), expectedPulls = listOf(2L, 4L, 8L, 8L))

    /** A result of fetch size 2 answered in [batches] (the last one ends it), read to its end with records(). */
    private fun readToTheEnd(growth: Int, batches: List<LongRange>, expectedPulls: List<Long>) = withDriver(
        ScriptedBoltServer {
            answerInBatches(batches, lastEnds = true)
            echoQuery(42)
        },
        TransportKind.NIO,
        configure = { fetchSize = 2; fetchSizeGrowth = growth },
    ) { driver, server ->
        val last = batches.last().last
        driver.session().use { s ->
            s.run("UNWIND range(1, $last) AS n RETURN n").records().toList().map { it.getLong("n") } shouldBe (1L..last).toList()
        }
        driver.echo(42) shouldBe 42
        pulls shouldBe expectedPulls
        server.assertScriptCompleted()
    }

    @Test
    fun `more RECORDs than the PULL ahead asked for are refused`() =
        overflowRefused(growth = 1, batches = listOf(1L..2L, 3L..4L, 5L..7L), expectedPulls = listOf(2L, 2L, 2L), limit = 2)

    @Test
    fun `more RECORDs than a grown PULL asked for are refused`() =
        overflowRefused(growth = 4, batches = listOf(1L..2L, 3L..7L), expectedPulls = listOf(2L, 4L), limit = 4)

    /** Fetch size 2, the last of [batches] one RECORD more than its PULL ([limit]) asked for: refused after 6 records. */
    private fun overflowRefused(growth: Int, batches: List<LongRange>, expectedPulls: List<Long>, limit: Long) = withDriver(
        ScriptedBoltServer {
            answerInBatches(batches, lastEnds = false)
        },
        TransportKind.NIO,
        configure = { fetchSize = 2; fetchSizeGrowth = growth },
    ) { driver, server ->
        driver.session().use { s ->
            val result = s.run("UNWIND range(1, 10) AS n RETURN n")
            result.takeRecords(6) shouldBe listOf(1L, 2L, 3L, 4L, 5L, 6L)
            shouldThrow<ProtocolException> { result.next() }.message shouldContain "more RECORDs than the $limit"
        }
        server.awaitOpenConnections(0) // the violating connection was closed, not reused
        driver.assertPool(inUse = 0)
        pulls shouldBe expectedPulls
    }

    @Test
    fun `an error in the batch pulled ahead comes after the records before it, and the connection is reset and reused`() = withDriver(
        ScriptedBoltServer {
            twoBatches()
            pull()
            reply(record(5), failure("Neo.ClientError.Statement.ArithmeticError", "/ by zero"))
            optional(RequestKind.RESET) { reply(success()) }
            echoQuery(42)
        },
        TransportKind.NIO,
        configure = { fetchSize = 2; fetchSizeGrowth = 1 },
    ) { driver, server ->
        driver.session().use { s ->
            val result = s.run("UNWIND range(1, 10) AS n RETURN 1 / (5 - n) AS n")
            result.takeRecords(5) shouldBe listOf(1L, 2L, 3L, 4L, 5L)
            shouldThrow<ClientException> { result.next() }.code shouldBe "Neo.ClientError.Statement.ArithmeticError"
        }
        driver.echo(42) shouldBe 42
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    @Test
    fun `a later query of the transaction drains the batch pulled ahead into memory and the earlier result goes on by qid`() = withDriver(
        ScriptedBoltServer {
            greet()
            expect(RequestKind.BEGIN)
            reply(success())
            expect(RequestKind.RUN)
            pull()
            reply(success("fields" to listOf("n"), "qid" to 1), record(1), record(2), success("has_more" to true))
            pull()
            reply(record(3), record(4), success("has_more" to true))
            pull() // ahead
            reply(record(5), record(6), success("has_more" to true))
            expect(RequestKind.RUN)
            pull()
            reply(success("fields" to listOf("n"), "qid" to 2), record("inner"), success("has_more" to false))
            expect(RequestKind.PULL) { pulls += it.n; it.qidOf() shouldBe 1L }
            reply(record(7), success("has_more" to false))
            expect(RequestKind.COMMIT)
            reply(success("bookmark" to "bm-1"))
        },
        TransportKind.NIO,
        configure = { fetchSize = 2; fetchSizeGrowth = 1 },
    ) { driver, server ->
        driver.session().use { s ->
            val tx = s.beginTransaction()
            val outer = tx.run("UNWIND range(1, 7) AS n RETURN n")
            outer.takeRecords(3) shouldBe listOf(1L, 2L, 3L)
            tx.run("RETURN 'inner' AS n").single().getString("n") shouldBe "inner"
            outer.records().toList().map { it.getLong("n") } shouldBe listOf(4L, 5L, 6L, 7L)
            tx.commit()
        }
        pulls shouldBe listOf(2L, 2L, 2L, 2L, 2L)
        server.assertScriptCompleted()
    }

    /** RUN, then one PULL per batch answered with its records; every batch says `has_more` unless [lastEnds]. */
    private fun ScriptBuilder.answerInBatches(batches: List<LongRange>, lastEnds: Boolean) {
        greet()
        expect(RequestKind.RUN)
        batches.forEachIndexed { i, batch ->
            pull()
            if (i == 0) reply(success("fields" to listOf("n"), "t_first" to 0))
            batch.forEach { reply(record(it)) }
            val end = lastEnds && i == batches.lastIndex
            reply(if (end) success("has_more" to false, "bookmark" to "bm-1") else success("has_more" to true))
        }
    }

    private fun ReceivedRequest.qidOf(): Long? = (extraNative["qid"] as? Number)?.toLong()
}

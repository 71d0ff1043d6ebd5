package org.boltkt.client.testkit

import io.kotest.matchers.shouldBe
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * `Result.list()` wants every record, so after the batch already asked for it pulls the rest at once (`PULL n=-1`),
 * as the official drivers do (testkit's Optimization:ResultListFetchAll); iterating keeps the fetch size.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ListFetchAllTest {
    /** RUN, then PULLs answered with [batches] of records; the last batch ends the stream. */
    private fun rows(pulls: MutableList<Long?>, batches: List<List<Int>>, read: suspend (org.boltkt.client.Result) -> List<Long>): List<Long> =
        ScriptedBoltServer {
            hello()
            logon()
            expect(RequestKind.RUN)
            batches.forEachIndexed { i, batch ->
                expect(RequestKind.PULL) { pulls += it.n }
                if (i == 0) reply(success("fields" to listOf("n")))
                batch.forEach { reply(record(it)) }
                reply(if (i == batches.lastIndex) success("type" to "r") else success("has_more" to true))
            }
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) { fetchSize = 2; fetchSizeGrowth = 1 } // as the testkit backend configures it
            try {
                runBlocking { driver.session().use { s -> read(s.run("RETURN n")) } }
            } finally {
                runBlocking { driver.close() }
            }.also { server.assertScriptCompleted() }
        }

    @Test
    fun `list pulls the fetch size first, then everything left at once`() {
        val pulls = ArrayList<Long?>()
        rows(pulls, listOf(listOf(1, 3), listOf(5, 7, 9))) { r -> r.list().map { it.getLong("n") } } shouldBe listOf(1L, 3L, 5L, 7L, 9L)
        pulls shouldBe listOf(2L, -1L)
    }

    @Test
    fun `iterating keeps pulling batches of the fetch size`() {
        val pulls = ArrayList<Long?>()
        rows(pulls, listOf(listOf(1, 3), listOf(5, 7), listOf(9))) { r -> r.records().toList().map { it.getLong("n") } } shouldBe
            listOf(1L, 3L, 5L, 7L, 9L)
        pulls shouldBe listOf(2L, 2L, 2L)
    }
}

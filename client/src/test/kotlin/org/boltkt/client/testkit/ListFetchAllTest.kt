package org.boltkt.client.testkit

import io.kotest.matchers.shouldBe
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptBuilder
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
    private fun ScriptBuilder.fiveRecords(pulls: MutableList<Long?>) {
        hello()
        logon()
        expect(RequestKind.RUN)
        expect(RequestKind.PULL) { pulls += it.n }
        reply(success("fields" to listOf("n")), record(1), record(3), success("has_more" to true))
        expect(RequestKind.PULL) { pulls += it.n }
        reply(record(5), record(7), success("has_more" to true))
        expect(RequestKind.PULL) { pulls += it.n }
        reply(record(9), success("type" to "r"))
    }

    private fun rows(pulls: MutableList<Long?>, read: suspend (org.boltkt.client.Result) -> List<Long>): List<Long> =
        ScriptedBoltServer { fiveRecords(pulls) }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) { fetchSize = 2 }
            try {
                runBlocking { driver.session().use { s -> read(s.run("RETURN n")) } }
            } finally {
                runBlocking { driver.close() }
            }.also { server.assertScriptCompleted() }
        }

    @Test
    fun `list pulls the fetch size first, then everything left at once`() {
        val pulls = ArrayList<Long?>()
        val rows = ScriptedBoltServer {
            hello()
            logon()
            expect(RequestKind.RUN)
            expect(RequestKind.PULL) { pulls += it.n }
            reply(success("fields" to listOf("n")), record(1), record(3), success("has_more" to true))
            expect(RequestKind.PULL) { pulls += it.n }
            reply(record(5), record(7), record(9), success("type" to "r"))
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) { fetchSize = 2 }
            try {
                runBlocking { driver.session().use { s -> s.run("RETURN n").list().map { it.getLong("n") } } }
            } finally {
                runBlocking { driver.close() }
            }.also { server.assertScriptCompleted() }
        }
        rows shouldBe listOf(1L, 3L, 5L, 7L, 9L)
        pulls shouldBe listOf(2L, -1L)
    }

    @Test
    fun `iterating keeps pulling batches of the fetch size`() {
        val pulls = ArrayList<Long?>()
        rows(pulls) { r -> r.records().toList().map { it.getLong("n") } } shouldBe listOf(1L, 3L, 5L, 7L, 9L)
        pulls shouldBe listOf(2L, 2L, 2L)
    }
}

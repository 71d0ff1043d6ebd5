package org.boltkt.client.testkit

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.error.ClientException
import org.boltkt.client.record.getString
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion
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
 * Several results open side by side, as in the official drivers (testkit's `iteration` test_nested and the
 * `tx_run` termination tests): in a transaction, a later query leaves earlier results on the server and they are
 * pulled by qid afterwards (the latest stream without one); in a session, the previous auto-commit result is read
 * into memory first. Nothing is discarded.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NestedResultsTest {
    private val pulls = ArrayList<String>()

    private fun ScriptBuilder.pull(label: String) = expect(RequestKind.PULL) { pulls += "$label n=${it.n} qid=${it.qid()}" }

    private fun ReceivedRequest.qid(): Any? = extraNative["qid"]

    private fun <T> withDriver(script: ScriptBuilder.() -> Unit, block: suspend (Driver) -> T): T =
        ScriptedBoltServer {
            handshake(BoltVersion.V4_4)
            expect(RequestKind.HELLO)
            reply(success("server" to "Neo4j/4.4.0", "connection_id" to "bolt-1"))
            script()
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) { fetchSize = 1; fetchSizeGrowth = 1 } // as the testkit backend configures it
            try {
                runBlocking { block(driver) }
            } finally {
                runBlocking { driver.close() }
            }.also { server.assertScriptCompleted() }
        }

    @Test
    fun `in a transaction an earlier result is pulled by its qid after a later query`() {
        val seen = withDriver({
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); pull("outer")
            reply(success("fields" to listOf("x"), "qid" to 1), record("1_1"), success("has_more" to true))
            expect(RequestKind.RUN); pull("inner")
            reply(success("fields" to listOf("x"), "qid" to 2), record("2_1"), success("has_more" to true))
            pull("inner"); reply(record("2_2"), success())
            pull("outer"); reply(record("1_2"), success())
            expect(RequestKind.COMMIT); reply(success("bookmark" to "bm-1"))
        }) { driver ->
            driver.session().use { s ->
                val tx = s.beginTransaction()
                val outer = tx.run("CYPHER")
                val first = outer.next()!!.getString("x")
                val inner = tx.run("NESTED").records().toList().map { it.getString("x") }
                val rest = outer.list().map { it.getString("x") }
                tx.commit()
                listOf(first) + inner + rest
            }
        }
        seen shouldBe listOf("1_1", "2_1", "2_2", "1_2")
        // the latest stream is addressed implicitly, an earlier one by its qid
        pulls shouldBe listOf("outer n=1 qid=null", "inner n=1 qid=null", "inner n=1 qid=null", "outer n=-1 qid=1")
    }

    @Test
    fun `in a session the previous auto-commit result is read into memory and stays readable`() {
        val seen = withDriver({
            expect(RequestKind.RUN); pull("outer")
            reply(success("fields" to listOf("x")), record("1_1"), success("has_more" to true))
            pull("outer"); reply(record("1_2"), record("1_3"), success())
            optional(RequestKind.RESET) { reply(success()) }
            expect(RequestKind.RUN); pull("inner")
            reply(success("fields" to listOf("x")), record("2_1"), success())
        }) { driver ->
            driver.session().use { s ->
                val outer = s.run("CYPHER")
                val first = outer.next()!!.getString("x")
                val inner = s.run("NESTED").list().map { it.getString("x") }
                listOf(first) + inner + outer.records().toList().map { it.getString("x") }
            }
        }
        seen shouldBe listOf("1_1", "2_1", "1_2", "1_3")
        pulls shouldBe listOf("outer n=1 qid=null", "outer n=-1 qid=null", "inner n=1 qid=null")
    }

    @Test
    fun `after a later query failed the transaction an earlier result hands out what it has, then that failure`() {
        val error = withDriver({
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); pull("outer")
            reply(success("fields" to listOf("n"), "qid" to 1), record("a"), success("has_more" to true))
            expect(RequestKind.RUN); pull("invalid")
            reply(failure("Neo.ClientError.Statement.SyntaxError", "Invalid input"))
            reply(org.boltkt.protocol.message.Response.Ignored)
            optional(RequestKind.RESET) { reply(success()) }
        }) { driver ->
            driver.session().use { s ->
                val tx = s.beginTransaction()
                val outer = tx.run("CYPHER")
                shouldThrow<ClientException> { tx.run("invalid") }.code shouldBe "Neo.ClientError.Statement.SyntaxError"
                outer.next()!!.getString("n") shouldBe "a" // read into memory before the failing RUN
                val e = shouldThrow<ClientException> { outer.next() }
                tx.close()
                e
            }
        }
        error.code shouldBe "Neo.ClientError.Statement.SyntaxError"
        pulls shouldBe listOf("outer n=1 qid=null", "invalid n=1 qid=null") // no PULL after the failure
    }
}

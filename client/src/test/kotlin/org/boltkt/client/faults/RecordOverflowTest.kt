package org.boltkt.client.faults

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.serialization.Serializable
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.mapping.list
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.serveDefaults
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * A server that answers PULL(n) with more than n RECORDs (issue 17, memory): on the paths that buffer a result
 * (a session's next `run` reads the previous auto-commit result into memory) nothing bounded how many were kept,
 * so a broken or hostile server decided the driver's memory. Now a RECORD beyond the PULL size is a protocol
 * violation: [ProtocolException], the connection closed. Before the fix the 5,000 RECORDs were buffered and handed
 * out as if asked for.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordOverflowTest {
    /** With a [gate], the RECORDs leave the server only once the test opened it (RUN's SUCCESS goes first). */
    private fun ScriptBuilder.overflowingAnswer(gate: CountDownLatch? = null) {
        greet("bolt-overflow")
        expect(RequestKind.RUN)
        expect(RequestKind.PULL) { check(it.n == 2L) { "expected PULL 2, got ${it.n}" } }
        reply(success("fields" to listOf("n"), "t_first" to 0))
        if (gate != null) {
            delay(0) // sends what is written so far (RUN's SUCCESS); no waiting
            replyWith { _, _ -> check(gate.await(20, TimeUnit.SECONDS)) { "the test never opened the gate" }; emptyList() }
        }
        repeat(OVERFLOW) { reply(record(it.toLong())) }
        reply(success("has_more" to true))
    }

    @Test
    fun `more RECORDs than a PULL asked for are refused when a later run buffers the result`() = withDriver(
        ScriptedBoltServer.perConnection {
            connection { overflowingAnswer() }
            otherwise { serveDefaults(rows = listOf(listOf(7L))) }
        },
        TransportKind.NIO,
        configure = { fetchSize = 2 },
    ) { driver, server ->
        driver.session().use { s ->
            val first = s.run("UNWIND range(1, 10) AS n RETURN n")
            s.run("RETURN 7 AS n").single().getLong("n") shouldBe 7L // buffering the first result must not break this
            shouldThrow<ProtocolException> { first.list() }.message shouldContain "more RECORDs than the 2"
        }
        server.awaitOpenConnections(1) // the overflowing connection was closed, the healthy one idles
        driver.assertPool(inUse = 0)
    }

    @Test
    fun `more RECORDs than a PULL asked for are refused while streaming`() = withDriver(
        ScriptedBoltServer.perConnection {
            connection { overflowingAnswer() }
            otherwise { serveDefaults() }
        },
        TransportKind.NIO,
        configure = { fetchSize = 2 },
    ) { driver, server ->
        driver.session().use { s ->
            val error = shouldThrow<ProtocolException> { s.run("UNWIND range(1, 10) AS n RETURN n").list() }
            error.isRetryable shouldBe false
        }
        server.awaitOpenConnections(0)
        driver.assertPool(inUse = 0)
    }

    @Test
    fun `more RECORDs than a PULL asked for are refused when the result is read as typed rows`() = withDriver(
        ScriptedBoltServer.perConnection {
            connection { overflowingAnswer() }
            otherwise { serveDefaults() }
        },
        TransportKind.NIO,
        configure = { fetchSize = 2 },
    ) { driver, server ->
        driver.session().use { s ->
            val error = shouldThrow<ProtocolException> { s.run("UNWIND range(1, 10) AS n RETURN n").list<Row>() }
            error.message shouldContain "more RECORDs than the 2"
            error.isRetryable shouldBe false
        }
        server.awaitOpenConnections(0)
        driver.assertPool(inUse = 0)
    }

    /**
     * The case above reads the RECORDs as values: they arrive in the same read as RUN's SUCCESS, before the first typed
     * read. Here the server holds them until `run` has returned, so the driver first reads them inside the typed read
     * and must count each typed row against the PULL size (before that fix the 5,000 rows were handed out).
     */
    @Test
    fun `more RECORDs than a PULL asked for are refused when they first arrive during a typed read`() {
        val gate = CountDownLatch(1)
        withDriver(
            ScriptedBoltServer.perConnection {
                connection { overflowingAnswer(gate) }
                otherwise { serveDefaults() }
            },
            TransportKind.NIO,
            configure = { fetchSize = 2 },
        ) { driver, server ->
            driver.session().use { s ->
                val result = s.run("UNWIND range(1, 10) AS n RETURN n")
                gate.countDown()
                val error = shouldThrow<ProtocolException> { result.list<Row>() }
                error.message shouldContain "more RECORDs than the 2"
                error.isRetryable shouldBe false
            }
            server.awaitOpenConnections(0)
            driver.assertPool(inUse = 0)
        }
    }

    @Serializable
    data class Row(val n: Long)

    private companion object {
        const val OVERFLOW = 5_000
    }
}

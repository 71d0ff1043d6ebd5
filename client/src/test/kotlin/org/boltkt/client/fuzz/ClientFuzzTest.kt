package org.boltkt.client.fuzz

import com.code_intelligence.jazzer.api.FuzzedDataProvider
import com.code_intelligence.jazzer.junit.FuzzTest
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.routing.RoutingTableParser
import org.boltkt.client.session.SummaryFactory
import org.boltkt.client.summary.ServerInfo
import org.boltkt.client.summary.SummaryInputs
import org.boltkt.client.use
import org.boltkt.protocol.chunk.ChunkWriter
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import org.boltkt.testing.scripted.ResponseEncoder
import org.boltkt.testing.scripted.Script
import org.junit.jupiter.api.AfterAll
import java.io.ByteArrayOutputStream
import kotlin.time.Duration.Companion.seconds

/**
 * Hostile answers reaching the client's own parsers: the summary (statistics, plans and profiles, notifications,
 * GQL statuses), the routing table, and a whole connection fed by the scripted server. Only the driver's typed
 * exceptions may come out — [ProtocolException] from the parsers, a public [BoltException] from a connection — no
 * other type, no OutOfMemoryError or StackOverflowError, no hang.
 *
 * Without `JAZZER_FUZZ=1` each target runs once per input kept under `src/test/resources/…/ClientFuzzTestInputs/`
 * (part of every build); with it Jazzer fuzzes one target (docs/RELIABILITY.md has the command and the figures).
 */
class ClientFuzzTest {
    /** RUN and PULL metadata, each map drawn from the input, read as [SummaryFactory] reads them. */
    @FuzzTest(maxDuration = "60s")
    fun summaryMetadata(data: FuzzedDataProvider) {
        val hadRecords = data.consumeBoolean()
        val values = FuzzValues(data)
        val run = values.map()
        val final = values.map()
        summary(run, final, hadRecords)
    }

    /** A PULL answer carrying only a plan or a profile, nested as deep as the input pays for. */
    @FuzzTest(maxDuration = "60s")
    fun plan(data: FuzzedDataProvider) {
        val key = if (data.consumeBoolean()) "plan" else "profile"
        val values = FuzzValues(data)
        summary(emptyMap(), mapOf(key to values.value(), "type" to values.value()), hadRecords = true)
    }

    /** A ROUTE answer's metadata (`rt` drawn from the input) for a requested database or the home one. */
    @FuzzTest(maxDuration = "60s")
    fun routingTable(data: FuzzedDataProvider) {
        val database = if (data.consumeBoolean()) "neo4j" else null
        val now = data.consumeLong()
        val values = FuzzValues(data)
        val metadata: Map<String, Value> = if (data.consumeInt(0, 7) == 0) values.map() else mapOf("rt" to values.value())
        try {
            RoutingTableParser.parse(metadata, database, now).toString()
        } catch (_: ProtocolException) {
        }
    }

    /**
     * A real driver against the scripted server, which answers the handshake with a version the input picks and
     * then sends the input's messages (each chunked; some raw, one byte maybe flipped, the whole maybe cut short)
     * and ends its side of the stream. The driver runs a query and reads its records and summary, within 20 s; then
     * its connection must be back (none in use). Server and driver are shared across inputs ([ConnectionFuzzRig]),
     * each input on a new connection.
     */
    @FuzzTest(maxDuration = "60s")
    fun connection(data: FuzzedDataProvider) {
        val version = VERSIONS[data.consumeInt(0, VERSIONS.lastIndex)]
        val bytes = conversation(data, Capabilities.of(version))
        val script = Script.build {
            handshake(version)
            sendRaw(bytes)
            halfClose()
        }
        ConnectionFuzzRig.play(script) { driver ->
            runBlocking {
                // Everything the server sends ends with its end of stream, so the driver must come back soon.
                withTimeout(20.seconds) {
                    try {
                        driver.session().use { s ->
                            val result = s.run("RETURN 1 AS n")
                            result.list()
                            result.consume()
                        }
                    } catch (_: BoltException) {
                    }
                }
            }
            val inUse = driver.metrics().sumOf { it.inUse }
            check(inUse == 0) { "$inUse connection(s) still in use after the session closed: ${driver.metrics()}" }
        }
    }

    private fun summary(run: Map<String, Value>, final: Map<String, Value>, hadRecords: Boolean) {
        try {
            SummaryFactory.of(SummaryInputs("RETURN 1", emptyMap(), SERVER, run, final, hadRecords)).toString()
        } catch (_: ProtocolException) {
        }
    }

    private fun conversation(data: FuzzedDataProvider, capabilities: Capabilities): ByteArray {
        val values = FuzzValues(data)
        val out = ByteArrayOutputStream()
        repeat(data.consumeInt(0, 8)) {
            val message: Response? = when (data.consumeInt(0, 6)) {
                0, 1 -> Response.Success(values.map())
                2, 3 -> Response.Record(List(data.consumeInt(0, 3)) { values.value() })
                4 -> Response.Failure(data.consumeString(60), data.consumeString(40))
                5 -> Response.Ignored
                else -> null
            }
            if (message == null) {
                out.write(data.consumeBytes(64))
            } else {
                val body = try {
                    ResponseEncoder.encode(message, capabilities)
                } catch (_: IllegalArgumentException) {
                    return@repeat // a value this version cannot carry: the server would not send it either
                }
                out.write(ChunkWriter.DEFAULT.frame(body))
            }
        }
        val bytes = out.toByteArray()
        if (bytes.isNotEmpty() && data.consumeBoolean()) {
            val at = data.consumeInt(0, bytes.lastIndex)
            bytes[at] = (bytes[at].toInt() xor data.consumeInt(1, 255)).toByte()
        }
        return if (bytes.isNotEmpty() && data.consumeInt(0, 3) == 0) bytes.copyOf(data.consumeInt(0, bytes.size)) else bytes
    }

    companion object {
        /** The `connection` target's shared server and driver end with the class (regression runs and fuzzing). */
        @JvmStatic
        @AfterAll
        fun closeSharedServer() = ConnectionFuzzRig.close()

        private val SERVER = ServerInfo("fuzz:7687", "Neo4j/5.26.0", BoltVersion.V5_8)
        private val VERSIONS = listOf(BoltVersion.V3_0, BoltVersion.V4_4, BoltVersion.V5_0, BoltVersion(5, 4), BoltVersion.V5_8)
    }
}

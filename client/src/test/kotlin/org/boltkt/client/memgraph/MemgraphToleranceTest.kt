package org.boltkt.client.memgraph

import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getNode
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.ignored
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.Arguments
import org.junit.jupiter.params.provider.MethodSource
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/**
 * A Memgraph-like server, scripted: it negotiates only Bolt 5.2 or only 4.3 (no manifest), may omit `server` from
 * HELLO's SUCCESS or call itself `Memgraph/2.x`, sends empty element ids and notifications without positions, and
 * reports write conflicts with its own error code. The driver's *default* settings must cope with all of it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemgraphToleranceTest {

    /** One Memgraph-like dialect: what the server speaks and how it says hello. */
    enum class Dialect(val version: BoltVersion, val agent: String?) {
        BOLT_5_2_NO_AGENT(BoltVersion(5, 2), null),
        BOLT_5_2_MEMGRAPH(BoltVersion(5, 2), "Memgraph/2.19.0"),
        BOLT_4_3_NO_AGENT(BoltVersion(4, 3), null),
        BOLT_4_3_MEMGRAPH(BoltVersion(4, 3), "Memgraph/2.11.1"),
    }

    companion object {
        @JvmStatic
        fun cases(): List<Arguments> = TransportKind.entries.flatMap { t -> Dialect.entries.map { Arguments.of(t, it) } }
    }

    private fun ScriptBuilder.memgraphGreeting(dialect: Dialect) {
        handshakeNegotiate(VersionRange.of(dialect.version))
        expect(RequestKind.HELLO) { hello ->
            // Before 5.1 the credentials travel in HELLO.
            if (dialect.version.major == 4) check(hello.extra["principal"] == StringValue("neo4j")) { "no credentials in HELLO: ${hello.extra}" }
        }
        val meta = listOfNotNull(dialect.agent?.let { "server" to it }, "connection_id" to "mg-1")
        reply(success(*meta.toTypedArray()))
        if (dialect.version.major >= 5) logon()
    }

    private fun withDriver(transport: TransportKind, script: ScriptBuilder.() -> Unit, block: suspend CoroutineScope.(Driver, ScriptedBoltServer) -> Unit) {
        ScriptedBoltServer(script).start().use { server ->
            // Default proposals on purpose: a Memgraph-like server must be reachable without special settings.
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) {
                this.transport = transport
                connectionAcquisitionTimeout = 5.seconds
                maxTransactionRetryTime = 3.seconds
            }
            try {
                runBlocking { withTimeout(30.seconds) { block(driver, server) } }
            } finally {
                runBlocking { withTimeout(10.seconds) { driver.close() } }
            }
            server.assertScriptCompleted()
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    fun `negotiates with the default proposals and tolerates a sparse HELLO`(transport: TransportKind, dialect: Dialect) = withDriver(
        transport,
        {
            memgraphGreeting(dialect)
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("n")), record(1), success("has_more" to false))
        },
    ) { driver, server ->
        val info = driver.serverInfo()
        info.protocolVersion shouldBe dialect.version
        info.agent shouldBe (dialect.agent ?: "unknown")
        driver.session().use { it.run("RETURN 1 AS n").single().getLong("n") } shouldBe 1
        server.connections.single().version shouldBe dialect.version
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    fun `nodes with empty element ids and notifications without positions`(transport: TransportKind, dialect: Dialect) = withDriver(
        transport,
        {
            memgraphGreeting(dialect)
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(
                success("fields" to listOf("n")),
                record(NodeValue(7, "", listOf("Person"), mapOf("name" to StringValue("Ann")))),
                success(
                    "has_more" to false,
                    "type" to "rw",
                    "notifications" to listOf(
                        mapOf("severity" to "INFO", "code" to "IndexLookupForMatch", "title" to "Index used", "description" to "Index on :Person(name)"),
                    ),
                ),
            )
        },
    ) { driver, _ ->
        driver.session().use { s ->
            val result = s.run("MATCH (n:Person) RETURN n")
            val node = result.single().getNode("n")
            node.id shouldBe 7
            node.labels shouldBe listOf("Person")
            node.properties["name"] shouldBe StringValue("Ann")
            // Bolt 5 carries the id the server sent (Memgraph: empty); before 5.0 it is the decimal id.
            node.elementId shouldBe if (dialect.version.major >= 5) "" else "7"
            val summary = result.consume()
            summary.notifications shouldHaveSize 1
            summary.notifications.single().code shouldBe "IndexLookupForMatch"
            summary.notifications.single().position.shouldBeNull()
            summary.server.agent shouldBe (dialect.agent ?: "unknown")
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    fun `Memgraph write conflicts are retried by executeWrite`(transport: TransportKind, dialect: Dialect) = withDriver(
        transport,
        {
            memgraphGreeting(dialect)
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(
                failure("Memgraph.TransientError.MemgraphError.MemgraphError", "Cannot resolve conflicting transactions. You can retry this transaction when the conflicting transaction is finished"),
                ignored(),
            )
            expect(RequestKind.RESET); reply(success())
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("n")), record(3), success("has_more" to false))
            expect(RequestKind.COMMIT); reply(success())
        },
    ) { driver, server ->
        val attempts = AtomicInteger()
        val value = driver.session().use { s ->
            s.executeWrite { tx -> attempts.incrementAndGet(); tx.run("MATCH (n) SET n.v = n.v + 1 RETURN 3 AS n").single().getLong("n") }
        }
        value shouldBe 3
        attempts.get() shouldBe 2
        server.connectionsAccepted shouldBe 1
    }
}

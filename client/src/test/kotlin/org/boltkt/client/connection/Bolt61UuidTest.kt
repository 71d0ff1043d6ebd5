package org.boltkt.client.connection

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.error.ClientException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.echo
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.faults.echoQuery
import org.boltkt.client.record.getUuid
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.HandshakeAnswer
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.Arguments
import org.junit.jupiter.params.provider.MethodSource
import java.util.UUID
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/**
 * Bolt 6.1 against scripted servers: negotiated through the manifest when offered, and its one addition, the UUID
 * value, sent and received as `java.util.UUID`; on older versions a UUID parameter fails before anything is sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Bolt61UuidTest {
    private val uuid = UUID.fromString("550e8400-e29b-41d4-a716-446655440000")

    @Test
    fun `a server offering 6_1 in its manifest gets 6_1, and a UUID goes out and comes back as java util UUID`() = withDriver(
        ScriptedBoltServer {
            handshakeManifest(VersionRange(6, 1, 0), VersionRange(5, 8, 0), VersionRange(4, 4))
            hello(server = "Neo4j/2026.08.1")
            logon()
            expect(RequestKind.RUN) { check(it.parameters["u"] == UuidValue(uuid)) { "UUID parameter arrived as ${it.parameters}" } }
            expect(RequestKind.PULL)
            reply(success("fields" to listOf("u")), record(uuid), success("type" to "r"))
        },
        TransportKind.NIO,
    ) { driver, server ->
        val back = driver.session().use { it.run("RETURN \$u AS u", mapOf("u" to uuid)).single().getUuid("u") }
        back shouldBe uuid
        server.connections.single().version shouldBe BoltVersion.V6_1
        server.assertScriptCompleted()
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("olderServers")
    fun `a UUID parameter on an older connection fails before sending, is not retried, and names the fix`(
        answer: HandshakeAnswer,
        version: String,
    ) = withDriver(
        ScriptedBoltServer {
            handshake(answer)
            hello()
            if (version != "4.4") logon()
            expect(RequestKind.BEGIN); reply(success())
            // Nothing of the failed RUN reaches the server: the next request is the RESET that ends the transaction.
            expect(RequestKind.RESET); reply(success())
            echoQuery(7)
        },
        TransportKind.NIO, { maxTransactionRetryTime = 3.seconds },
    ) { driver, server ->
        val runs = AtomicInteger()
        val error = driver.session().use { s ->
            shouldThrow<ClientException> {
                s.executeWrite { tx -> runs.incrementAndGet(); tx.run("CREATE (n {id: \$id})", mapOf("id" to uuid)).consume() }
            }
        }
        runs.get() shouldBe 1
        error.isRetryable shouldBe false
        error.message shouldContain "on Bolt $version"
        error.message shouldContain "UUID values need Bolt 6.1 or later"
        error.message shouldContain "toString()"
        error.message shouldContain "nothing was sent"
        // The connection stayed in step and is reused.
        driver.echo(7) shouldBe 7
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 1
        server.assertScriptCompleted()
    }

    companion object {
        @JvmStatic
        fun olderServers(): List<Arguments> = listOf(
            Arguments.of(HandshakeAnswer.Manifest(listOf(VersionRange(6, 0), VersionRange(5, 8, 0))), "6.0"),
            Arguments.of(HandshakeAnswer.Negotiate(listOf(VersionRange(5, 8, 0))), "5.8"),
            Arguments.of(HandshakeAnswer.Negotiate(listOf(VersionRange(4, 4))), "4.4"),
        )
    }
}

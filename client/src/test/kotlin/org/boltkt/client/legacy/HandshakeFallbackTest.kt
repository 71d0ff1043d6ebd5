package org.boltkt.client.legacy

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.HandshakeMode
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.protocol.handshake.HandshakeProposals
import org.boltkt.protocol.handshake.VersionRange
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
 * Neo4j 4.1/4.2-era servers read each handshake slot as one exact version. They refuse the default proposal
 * (manifest, 5.8–5.0, 4.4–4.1, 3.0), so [HandshakeMode.AUTO] asks again on a new connection with the legacy
 * proposal, whose exact 4.1 slot they accept; [HandshakeMode.LEGACY] proposes that first.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HandshakeFallbackTest {
    private fun ScriptBuilder.bolt41Query() {
        handshakeNegotiateExact(VersionRange(4, 1))
        expect(RequestKind.HELLO)
        reply(success("server" to "Neo4j/4.1.0", "connection_id" to "bolt-1"))
        expect(RequestKind.RUN) { it.query shouldBe "RETURN 41 AS n" }
        expect(RequestKind.PULL)
        reply(success("fields" to listOf("n")), record(41), success("type" to "r"))
    }

    private fun answerOf(server: ScriptedBoltServer, mode: HandshakeMode): Long {
        val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) { handshake = mode }
        try {
            return runBlocking {
                driver.session().use { s -> s.run("RETURN 41 AS n").single().getLong("n") }.also {
                    driver.serverInfo().protocolVersion.toString() shouldBe "4.1"
                }
            }
        } finally {
            runBlocking { driver.close() }
        }
    }

    @Test
    fun `by default a server reading no version ranges is asked again with the legacy proposal`() {
        ScriptedBoltServer.perConnection {
            connection { handshakeNegotiateExact(VersionRange(4, 1)) }
            otherwise { bolt41Query() }
        }.start().use { server ->
            answerOf(server, HandshakeMode.AUTO) shouldBe 41L
            server.connections[0].handshakeRequest shouldBe HandshakeProposals.DEFAULT.encodeRequest()
            server.connections[1].handshakeRequest shouldBe HandshakeProposals.LEGACY.encodeRequest()
            server.failures.size shouldBe 1 // the refused first handshake, nothing else
            server.failures.single().message shouldContain "no common Bolt version"
        }
    }

    @Test
    fun `LEGACY proposes the exact 4_1 slot on the first connection`() {
        ScriptedBoltServer { bolt41Query() }.start().use { server ->
            answerOf(server, HandshakeMode.LEGACY) shouldBe 41L
            server.connections.first().handshakeRequest shouldBe HandshakeProposals.LEGACY.encodeRequest()
            server.failures shouldBe emptyList()
            server.assertScriptCompleted()
        }
    }

    @Test
    fun `a server refusing both proposals fails naming both, with both sockets closed`() {
        ScriptedBoltServer.perConnection {
            otherwise { handshakeNegotiateExact(VersionRange(2, 0)) }
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw"))
            try {
                val e = shouldThrow<ProtocolException> { runBlocking { driver.verifyConnectivity() } }
                e.message shouldContain "supports none of the Bolt versions this driver speaks"
                e.message shouldContain "then, on a new connection: 5.8–5.0, 4.4–4.2, 4.1, 3.0"
            } finally {
                runBlocking { driver.close() }
            }
            server.connectionsAccepted shouldBe 2
            val deadline = System.nanoTime() + 5_000_000_000L
            while (server.openConnections > 0 && System.nanoTime() < deadline) Thread.sleep(5)
            server.openConnections shouldBe 0
        }
    }

    @Test
    fun `LEGACY does not retry a refusal`() {
        ScriptedBoltServer.perConnection {
            otherwise { handshakeNegotiateExact(VersionRange(2, 0)) }
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) { handshake = HandshakeMode.LEGACY }
            try {
                val e = shouldThrow<ProtocolException> { runBlocking { driver.verifyConnectivity() } }
                e.message shouldContain "none of the proposed Bolt versions (proposed: 5.8–5.0, 4.4–4.2, 4.1, 3.0)"
            } finally {
                runBlocking { driver.close() }
            }
            server.connectionsAccepted shouldBe 1
        }
    }
}

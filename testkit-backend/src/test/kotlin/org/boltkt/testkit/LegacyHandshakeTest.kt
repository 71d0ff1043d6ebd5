package org.boltkt.testkit

import org.boltkt.protocol.handshake.HandshakeProposals
import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.io.StringWriter
import java.util.concurrent.TimeUnit

/**
 * The backend's drivers propose the pre-manifest versions, so testkit's 4.1/4.2 stubs (which read each slot as one
 * exact version and count a refused handshake as a failed test) accept the first connection.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LegacyHandshakeTest {
    @Test
    fun `a server reading no version ranges accepts the backend's first handshake with Bolt 4_1`() {
        val server = ScriptedBoltServer {
            handshakeNegotiateExact(VersionRange(4, 1))
            expect(RequestKind.HELLO)
            reply(success("server" to "Neo4j/4.2.0", "connection_id" to "bolt-1"))
        }
        server.start().use {
            val backend = Backend(ResponseWriter(StringWriter()))
            verifyOnceThroughBackend(backend, server.uri)
            assertEquals(1, server.connectionsAccepted)
            assertArrayEquals(HandshakeProposals.LEGACY.encodeRequest(), server.connections.single().handshakeRequest)
            assertEquals(emptyList<Any>(), server.failures)
        }
    }
}

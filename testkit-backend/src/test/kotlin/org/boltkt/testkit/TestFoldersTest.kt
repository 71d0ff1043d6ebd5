package org.boltkt.testkit

import kotlinx.coroutines.runBlocking
import org.boltkt.client.HandshakeMode
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

/** Real-server folders get the driver's default handshake (Bolt 6 on 2026.x); the stub folder keeps LEGACY. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TestFoldersTest {
    @Test
    fun `the handshake depends on the folder StartTest named`() {
        assertEquals(HandshakeMode.LEGACY, TestFolders.handshakeFor(null))
        assertEquals(HandshakeMode.LEGACY, TestFolders.handshakeFor("stub.basic_query.test_basic_query.TestBasicQuery.test_x"))
        assertEquals(HandshakeMode.AUTO, TestFolders.handshakeFor("neo4j.test_session_run.TestSessionRun.test_iteration_smaller_than_fetch_size"))
        assertEquals(HandshakeMode.AUTO, TestFolders.handshakeFor("tls.test_tls_versions.TestTlsVersions.test_1_2"))
    }

    @Test
    fun `a driver made after StartTest of a neo4j test proposes the default handshake with the manifest`() {
        val server = ScriptedBoltServer {
            handshakeNegotiate(VersionRange(5, 4))
            expect(RequestKind.HELLO)
            reply(success("server" to "Neo4j/5.26.0", "connection_id" to "bolt-1"))
            expect(RequestKind.LOGON)
            reply(success())
        }
        server.start().use {
            val backend = Backend(ResponseWriter(StringWriter()))
            runBlocking { Handlers.handle(backend, Request("StartTest", obj("testName" to "neo4j.test_direct_driver.TestDirectDriver.test_supports_multi_db"))) }
            verifyOnceThroughBackend(backend, server.uri)
            assertArrayEquals(HandshakeProposals.DEFAULT.encodeRequest(), server.connections.first().handshakeRequest)
            assertEquals(emptyList<Any>(), server.failures)
        }
    }
}

package org.boltkt.testsupport

import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** Each real server of the suite accepts a Bolt handshake over a plain socket. */
class Neo4jServerSmokeTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `accepts a Bolt handshake and agrees on a 5_x version`(version: Neo4jVersion) {
        val server = neo4jServerOrSkip(version)
        assertTrue(server.serverVersion.startsWith(version.label), "reported version ${server.serverVersion}")

        val answer = BoltHandshakeProbe.negotiate(server.host, server.port)

        assertEquals(5, answer.major, "answer $answer")
        assertTrue(answer.minor in 0..8, "answer $answer")
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `answers 4_4 when only 4_4 is offered`(version: Neo4jVersion) {
        val server = neo4jServerOrSkip(version)

        val answer = BoltHandshakeProbe.negotiate(server.host, server.port, listOf(BoltHandshakeProbe.Proposal(4, 4)))

        assertEquals(4 to 4, answer.major to answer.minor, "answer $answer")
    }
}

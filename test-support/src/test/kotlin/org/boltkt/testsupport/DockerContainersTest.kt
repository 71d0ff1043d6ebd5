package org.boltkt.testsupport

import org.boltkt.testsupport.BoltHandshakeProbe.Proposal
import org.boltkt.testsupport.docker.Containers
import org.boltkt.testsupport.docker.DockerSupport
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

/** Container-backed servers; reported skipped, with the reason, where no Docker engine runs. */
class DockerContainersTest {
    @BeforeEach
    fun needsDocker() = DockerSupport.assumeAvailable()

    @Test
    fun `Memgraph in a container accepts a Bolt handshake for 5_2`() {
        Containers.memgraph().use { memgraph ->
            memgraph.start()

            val answer = BoltHandshakeProbe.negotiate(
                memgraph.host, memgraph.getMappedPort(Containers.BOLT_PORT),
                listOf(Proposal(5, 2, range = 2), Proposal(4, 3, range = 1)),
            )

            assertEquals(5 to 2, answer.major to answer.minor, "answer $answer")
        }
    }

    @Test
    fun `Neo4j in a container accepts a Bolt handshake`() {
        Containers.neo4j().use { neo4j ->
            neo4j.start()

            val answer = BoltHandshakeProbe.negotiate(neo4j.host, neo4j.getMappedPort(Containers.BOLT_PORT))

            assertEquals(5, answer.major, "answer $answer")
        }
    }
}

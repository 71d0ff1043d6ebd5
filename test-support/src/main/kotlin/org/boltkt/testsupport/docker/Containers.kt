package org.boltkt.testsupport.docker

import org.testcontainers.containers.GenericContainer
import org.testcontainers.containers.wait.strategy.Wait
import org.testcontainers.neo4j.Neo4jContainer
import org.testcontainers.utility.DockerImageName
import java.time.Duration

/**
 * Testcontainers helpers for servers that need Docker (check [DockerSupport.unavailableReason] first).
 * The caller starts and stops the returned container (`use { }` works: containers are AutoCloseable).
 */
object Containers {
    const val BOLT_PORT: Int = 7687
    const val MEMGRAPH_IMAGE: String = "memgraph/memgraph:3.7.2"
    const val NEO4J_IMAGE: String = "neo4j:5.26"
    const val NEO4J_PASSWORD: String = "boltkt-test-password"

    /** A Memgraph with Bolt exposed and authentication off (Memgraph's default). */
    fun memgraph(image: String = MEMGRAPH_IMAGE): GenericContainer<*> =
        GenericContainer(DockerImageName.parse(image))
            .withExposedPorts(BOLT_PORT)
            .withCommand("--telemetry-enabled=false", "--log-level=WARNING")
            .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(2)))

    /** A Neo4j with auth `neo4j` / [NEO4J_PASSWORD]. */
    fun neo4j(image: String = NEO4J_IMAGE): Neo4jContainer =
        Neo4jContainer(DockerImageName.parse(image))
            .withAdminPassword(NEO4J_PASSWORD)
            .withStartupTimeout(Duration.ofMinutes(3))
}

package org.boltkt.client.routing

import io.kotest.matchers.shouldBe
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit

/** `neo4j://` to one real standalone Neo4j: it answers ROUTE with itself in every role. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StandaloneRoutingTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `a standalone server routes to itself for reads, writes and the home database`(version: Neo4jVersion) {
        val server = neo4jServerOrSkip(version)
        runBlocking {
            val driver = BoltDriver("neo4j://${server.host}:${server.port}", AuthTokens.basic(server.user, server.password))
            try {
                driver.executeQuery("RETURN 1 AS n").records.single().getLong("n") shouldBe 1
                driver.session().use { s -> s.executeRead { tx -> tx.run("RETURN 2 AS n").single().getLong("n") } } shouldBe 2
                val table = driver.routingTable()!!
                table.database shouldBe "neo4j"
                val self = ServerAddress(server.host, server.port)
                table.readers.map { it.port } shouldBe listOf(self.port)
                table.writers.map { it.port } shouldBe listOf(self.port)
            } finally {
                driver.close()
            }
        }
    }
}

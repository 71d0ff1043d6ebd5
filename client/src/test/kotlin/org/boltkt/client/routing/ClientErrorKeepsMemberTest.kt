package org.boltkt.client.routing

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import org.boltkt.client.error.ClientException
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.use
import org.boltkt.protocol.value.NodeValue
import org.boltkt.testing.scripted.ScriptedCluster
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * A caller's value the encoder refuses is the caller's mistake (issue 17, client errors): on `neo4j://` it must not
 * pass for a lost member, which would be retried and dropped from the routing table although it is healthy.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientErrorKeepsMemberTest {
    @Test
    fun `a parameter the encoder refuses leaves the member in the routing table and is not retried`() {
        ScriptedCluster(1).use { c ->
            c.table(routers = listOf(0), readers = listOf(0), writers = listOf(0))
            withDriver(c) { driver ->
                val node = NodeValue(1, "4:x:1", listOf("Person"), emptyMap())
                val runs = AtomicInteger()
                val error = driver.session { database = "neo4j" }.use { s ->
                    shouldThrow<ClientException> {
                        s.executeWrite { tx -> runs.incrementAndGet(); tx.run("CREATE (n {p: \$p})", mapOf("p" to node)).consume() }
                    }
                }
                error.isRetryable shouldBe false
                runs.get() shouldBe 1
                val member = ServerAddress("127.0.0.1", c.members[0].port)
                val table = driver.routingTable("neo4j").shouldNotBeNull()
                table.writers shouldBe listOf(member)
                table.readers shouldBe listOf(member)
                table.expired shouldBe false
                c.routeRequests.size shouldBe 1
            }
        }
    }
}

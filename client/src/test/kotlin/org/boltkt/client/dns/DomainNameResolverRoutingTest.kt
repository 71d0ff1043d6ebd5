package org.boltkt.client.dns

import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import org.boltkt.client.routing.Routing.read
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.client.routing.Routing.write
import org.boltkt.testing.scripted.ScriptedCluster
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.net.InetAddress
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/** For `neo4j://` the domain-name resolver applies to the seed and to every member a routing table names. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DomainNameResolverRoutingTest {

    @Test
    fun `the seed and the routing-table members resolve through the domain-name resolver`() {
        ScriptedCluster(2).use { c ->
            val port0 = c.members[0].port
            val port1 = c.members[1].port
            // Every name is invented: only the resolver can turn them into the loopback address.
            c.answer = ScriptedCluster.RoutingAnswer(
                routers = listOf("core-0.invalid:$port0"), readers = listOf("core-1.invalid:$port1"), writers = listOf("core-0.invalid:$port0"),
            )
            val asked = CopyOnWriteArrayList<String>()
            val loopback = InetAddress.getByName("127.0.0.1")
            withDriver(c, uri = "neo4j://seed.invalid:$port0", configure = {
                domainNameResolver = { name -> asked += name; listOf(loopback) }
            }) { driver ->
                driver.read("R") shouldBe 1L
                driver.write("W") shouldBe 1L
            }
            c.runsOn(1) shouldContainExactly listOf("R")
            c.runsOn(0) shouldContainExactly listOf("W")
            asked.first() shouldBe "seed.invalid"
            asked.toSet() shouldBe setOf("seed.invalid", "core-0.invalid", "core-1.invalid")
        }
    }
}

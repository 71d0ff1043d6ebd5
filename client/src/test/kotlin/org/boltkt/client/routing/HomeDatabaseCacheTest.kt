package org.boltkt.client.routing

import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/** Bolt 5.8 optimistic home-database resolution: a cached guess saves the ROUTE; the server's echoed `db` settles it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HomeDatabaseCacheTest {
    @Test
    fun `with the ssr hint a fresh session routes by the cached home database and lets the server resolve it`() {
        ScriptedCluster(2, helloExtra = mapOf("hints" to mapOf("ssr.enabled" to true))).use { c ->
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(1), database = "home")
            c.intercept(1) { r, _ ->
                if (r.kind == RequestKind.RUN) listOf(success("fields" to listOf("n"), "t_first" to 0, "db" to "home")) else null
            }
            withDriver(c) { driver ->
                driver.session().use { s -> s.run("A").consume() } // resolves with ROUTE, fills the cache
                driver.session().use { s ->
                    s.run("B").consume() // guessed: no ROUTE, no db sent; the echoed db pins the session
                    s.run("C").consume()
                }
            }
            c.connectionsVersion() shouldBe "5.8"
            c.routeRequests.size shouldBe 1
            c.runs.map { it.database } shouldContainExactly listOf("home", null, "home")
        }
    }

    @Test
    fun `without the hint every fresh session resolves its home database with ROUTE`() {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(1), database = "home")
            withDriver(c) { driver ->
                driver.session().use { s -> s.run("A").consume() }
                driver.session().use { s -> s.run("B").consume() }
            }
            c.routeRequests.size shouldBe 2
            c.runs.map { it.database } shouldContainExactly listOf("home", "home")
        }
    }

    private fun ScriptedCluster.connectionsVersion(): String = members[1].connections.first().version.toString()
}

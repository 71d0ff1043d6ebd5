package org.boltkt.client.routing

import io.kotest.matchers.shouldBe
import org.boltkt.client.bookmark.BookmarkManagers
import org.boltkt.client.routing.Routing.read
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.client.use
import org.boltkt.testing.scripted.ScriptedCluster
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * A bookmark manager's supplier that itself runs a query through the driver, on the same database, while the
 * session that asked it needs that database's routing table (issue 17, unbounded waits). The supplier used to be
 * called under the per-database refresh lock, so its own session waited for ever on the lock its caller held (the
 * test ran into its 30 s bound); now it is asked before the lock is taken.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BookmarkSupplierUsesDriverTest {
    @Test
    fun `a supplier that queries the same database through the driver does not deadlock the routing refresh`() {
        ScriptedCluster(1).use { c ->
            c.table(routers = listOf(0), readers = listOf(0), writers = listOf(0))
            val supplierCalls = AtomicInteger()
            withDriver(c) { driver ->
                val manager = BookmarkManagers.default(supplier = {
                    supplierCalls.incrementAndGet()
                    driver.read("RETURN 1 AS n", db = "neo4j") // a plain session, no manager of its own
                    emptySet()
                })
                val value = driver.session { database = "neo4j"; bookmarkManager = manager }.use { s ->
                    s.run("RETURN 1 AS n").list().size
                }
                value shouldBe 1
                (supplierCalls.get() >= 1) shouldBe true
            }
        }
    }
}

package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.TransactionConfig
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.bookmark.BookmarkManager
import org.boltkt.client.bookmark.BookmarkManagers
import org.boltkt.client.use
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/**
 * Found by testkit (stub/driver_parameters `TestNeo4jBookmarkManager`
 * `test_should_enrich_bookmarks_with_bookmark_supplier_result` and
 * `test_should_not_change_bmm_state_with_supplied_bookmarks`): a bookmark manager's supplier is called for a ROUTE
 * the driver really sends and again for the BEGIN that follows, so each carries its own call's bookmarks; supplied
 * bookmarks never become the manager's own. Router and server play testkit's `router_with_db_name.script` and
 * `transaction_chaining.script` (Bolt 5.0).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BookmarkSupplierRoutingTest {
    private val routeBookmarks = CopyOnWriteArrayList<Set<String>>()
    private val beginBookmarks = CopyOnWriteArrayList<Set<String>>()

    @Test
    fun `the supplier enriches ROUTE and BEGIN with one call each`() {
        val calls = AtomicInteger()
        val manager = BookmarkManagers.default(
            initial = Bookmark.setOf(listOf("adb:bm1")),
            supplier = { val n = calls.incrementAndGet(); Bookmark.setOf(listOf("extra", "bookmarks$n")) },
        )
        withCluster { driver ->
            transaction(driver, manager, AccessMode.WRITE, "neo4j", returnBookmark = "bm1")
            transaction(driver, manager, AccessMode.WRITE, null, returnBookmark = "bm2")
        }
        assertEquals(4, calls.get(), "one supplier call per ROUTE sent and per BEGIN")
        assertEquals(listOf(setOf("adb:bm1", "extra", "bookmarks1"), setOf("bm1", "extra", "bookmarks3")), routeBookmarks)
        assertEquals(listOf(setOf("adb:bm1", "extra", "bookmarks2"), setOf("bm1", "extra", "bookmarks4")), beginBookmarks)
    }

    @Test
    fun `supplied bookmarks do not change the manager's state`() {
        val calls = AtomicInteger()
        val manager = BookmarkManagers.default(
            supplier = { if (calls.incrementAndGet() == 2) Bookmark.setOf(listOf("extra")) else emptySet() },
        )
        withCluster { driver ->
            transaction(driver, manager, AccessMode.READ, "neo4j", returnBookmark = "empty")
            transaction(driver, manager, AccessMode.WRITE, "neo4j", returnBookmark = "bm1")
            transaction(driver, manager, AccessMode.WRITE, "neo4j", returnBookmark = "bm2")
        }
        assertEquals(listOf(setOf("extra"), emptySet(), setOf("bm1")), beginBookmarks)
        assertEquals(1, routeBookmarks.size)
    }

    /** `session(mode, database, bookmark_manager)`, `begin_transaction(tx_meta={"return_bookmark": ...})`, run, commit. */
    private suspend fun transaction(driver: Driver, manager: BookmarkManager, mode: AccessMode, db: String?, returnBookmark: String) {
        driver.session { defaultAccessMode = mode; database = db; bookmarkManager = manager }.use { s ->
            val tx = s.beginTransaction(TransactionConfig(metadata = mapOf("return_bookmark" to returnBookmark)))
            tx.run("RETURN 1 AS n").list()
            tx.commit()
        }
    }

    private fun withCluster(block: suspend (Driver) -> Unit) {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 0))
            hello(server = "Neo4j/5.0.0")
            serve { request, context ->
                when (request.kind) {
                    RequestKind.BEGIN -> {
                        beginBookmarks += strings(request.extra["bookmarks"])
                        val meta = request.extraNative["tx_metadata"] as Map<*, *>
                        context.attributes["bookmark"] = meta["return_bookmark"]
                        listOf(success())
                    }
                    RequestKind.RUN -> listOf(success("fields" to listOf("n")))
                    RequestKind.PULL -> listOf(success("type" to "r"))
                    RequestKind.COMMIT -> {
                        val bookmark = context.attributes["bookmark"]
                        listOf(if (bookmark == "empty") success() else success("bookmark" to bookmark))
                    }
                    RequestKind.RESET -> listOf(success())
                    else -> null
                }
            }
        }.start().use { server ->
            ScriptedBoltServer {
                handshake(BoltVersion(5, 0))
                hello(server = "Neo4j/5.0.0")
                serve { request, context ->
                    when (request.kind) {
                        RequestKind.ROUTE -> {
                            routeBookmarks += strings(request.field(1))
                            listOf(ScriptedCluster.routeSuccess(ScriptedCluster.RoutingAnswer(listOf(context.serverAddress), listOf(server.hostAndPort), listOf(server.hostAndPort), ttlSeconds = 1000, database = "neo4j")))
                        }
                        RequestKind.RESET -> listOf(success())
                        else -> null
                    }
                }
            }.start().use { router ->
                val driver = BoltDriver("neo4j://${router.hostAndPort}", AuthToken.basic("neo4j", "pass"))
                try {
                    runBlocking { withTimeout(30.seconds) { block(driver) } }
                } finally {
                    runBlocking { driver.close() }
                }
                assertTrue(router.failures.isEmpty(), router.failures.toString())
                assertTrue(server.failures.isEmpty(), server.failures.toString())
            }
        }
    }

    private fun strings(value: Any?): Set<String> =
        (value as? ListValue)?.values.orEmpty().map { (it as StringValue).value }.toSet()
}

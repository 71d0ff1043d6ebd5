package org.boltkt.client.it

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.fold
import kotlinx.coroutines.withTimeout
import org.boltkt.client.QueryConfig
import org.boltkt.client.auth.AuthTokenManagers
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.BoltDriver
import org.boltkt.client.use
import org.boltkt.client.record.*
import org.boltkt.protocol.message.AccessMode
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/** Managed transactions, bookmarks, executeQuery, streaming and credentials against real Neo4j. */
class ManagedTransactionsTest {
    /** The premise of retrying a managed read whose COMMIT was lost (LostReadCommit.kt): Neo4j refuses the write. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `Neo4j refuses a write inside a managed READ transaction`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val tag = "read-refuses-write-$version"
        val error = io.kotest.assertions.throwables.shouldThrow<org.boltkt.client.error.ClientException> {
            driver.session().use { s -> s.executeRead { tx -> tx.run("CREATE (:BoltktReadWrite {tag: \$tag})", mapOf("tag" to tag)).consume() } }
        }
        assertEquals("Neo.ClientError.Statement.AccessMode", error.code, error.message)
        val count = driver.executeQuery("MATCH (n:BoltktReadWrite {tag: \$tag}) RETURN count(n) AS n", mapOf("tag" to tag)).records.single().getLong("n")
        assertEquals(0L, count, "nothing was written")
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `a managed write is retried after a real deadlock`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val tag = "deadlock-$version"
        driver.executeQuery("UNWIND ['A', 'B'] AS id CREATE (:BoltktLock {tag: \$tag, id: id, n: 0})", mapOf("tag" to tag))
        val attempts = AtomicInteger()
        val firstLocked = CompletableDeferred<Unit>()
        val secondLocked = CompletableDeferred<Unit>()

        suspend fun lockBoth(first: String, second: String, mine: CompletableDeferred<Unit>, theirs: CompletableDeferred<Unit>) =
            driver.session().use { session ->
                session.executeWrite { tx ->
                    val attempt = attempts.incrementAndGet()
                    tx.run("MATCH (n:BoltktLock {tag: \$tag, id: \$id}) SET n.n = n.n + 1", mapOf("tag" to tag, "id" to first)).consume()
                    if (!mine.isCompleted) {
                        mine.complete(Unit)
                        withTimeout(30.seconds) { theirs.await() }
                    }
                    tx.run("MATCH (n:BoltktLock {tag: \$tag, id: \$id}) SET n.n = n.n + 1", mapOf("tag" to tag, "id" to second)).consume()
                    attempt
                }
            }

        coroutineScope {
            listOf(
                async { lockBoth("A", "B", firstLocked, secondLocked) },
                async { lockBoth("B", "A", secondLocked, firstLocked) },
            ).awaitAll()
        }

        assertTrue(attempts.get() >= 3, "one of the two transactions must have been retried; attempts=${attempts.get()}")
        val counts = driver.executeQuery("MATCH (n:BoltktLock {tag: \$tag}) RETURN n.id AS id, n.n AS n ORDER BY id", mapOf("tag" to tag))
            .records.map { it.getString("id") to it.getLong("n") }
        assertEquals(listOf("A" to 2L, "B" to 2L), counts, "both transactions committed exactly once")
        driver.executeQuery("MATCH (n:BoltktLock {tag: \$tag}) DELETE n", mapOf("tag" to tag))
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `bookmarks chain within a session and through executeQuery`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val tag = "bookmarks-$version"
        driver.session().use { session ->
            val before = session.lastBookmarks()
            session.executeWrite { tx -> tx.run("CREATE (:BoltktBm {tag: \$tag})", mapOf("tag" to tag)).consume() }
            val afterWrite = session.lastBookmarks()
            assertEquals(1, afterWrite.size)
            assertNotEquals(before, afterWrite)
            driver.session { bookmarks = afterWrite }.use { reader ->
                val n = reader.executeRead { tx -> tx.run("MATCH (n:BoltktBm {tag: \$tag}) RETURN count(n) AS c", mapOf("tag" to tag)).single().getLong("c") }
                assertEquals(1L, n)
            }
        }
        driver.executeQuery("CREATE (:BoltktBm {tag: \$tag})", mapOf("tag" to tag))
        assertTrue(driver.executeQueryBookmarkManager.getBookmarks().isNotEmpty())
        val count = driver.executeQuery("MATCH (n:BoltktBm {tag: \$tag}) RETURN count(n) AS c", mapOf("tag" to tag), QueryConfig(routing = AccessMode.READ))
        assertEquals(2L, count.records.single().getLong("c"))
        driver.executeQuery("MATCH (n:BoltktBm {tag: \$tag}) DELETE n", mapOf("tag" to tag))
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `a million rows stream in bounded memory`(version: Neo4jVersion) = withDriver(version, { fetchSize = 1000 }) { driver, _ ->
        val runtime = Runtime.getRuntime()
        fun usedHeap(): Long { System.gc(); return runtime.totalMemory() - runtime.freeMemory() }
        val baseline = usedHeap()
        var peak = 0L
        driver.session().use { session ->
            val result = session.run("UNWIND range(1, 1000000) AS i RETURN i, 'row-' + toString(i) AS s")
            val sum = result.records().fold(0L) { acc, record ->
                val i = record.getLong("i")
                if (i % 250_000 == 0L) peak = maxOf(peak, usedHeap() - baseline)
                acc + i
            }
            assertEquals(500_000_500_000L, sum)
        }
        // Buffering a million records would take well over 100 MiB; streaming keeps one batch at a time.
        assertTrue(peak < 48L * 1024 * 1024, "heap grew by ${peak / 1024 / 1024} MiB while streaming")
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `rotated credentials re-authenticate pooled connections, and sessions can use their own`(version: Neo4jVersion) =
        withDriver(version) { admin, server ->
            val users = listOf("boltkt_rot_a", "boltkt_rot_b")
            for (user in users) {
                admin.executeQuery("CREATE OR REPLACE USER $user SET PASSWORD 'boltkt-rotation-pw' CHANGE NOT REQUIRED", config = QueryConfig(database = "system"))
            }
            var current = AuthTokens.basic(users[0], "boltkt-rotation-pw")
            val manager = AuthTokenManagers.basic { current }
            val driver = BoltDriver(server.boltUri.toString(), manager) { maxConnectionPoolSize = 1 }
            try {
                suspend fun whoAmI() = driver.executeQuery("SHOW CURRENT USER YIELD user").records.single().getString("user")
                assertEquals(users[0], whoAmI())
                current = AuthTokens.basic(users[1], "boltkt-rotation-pw")
                manager.handleSecurityException(AuthTokens.basic(users[0], "boltkt-rotation-pw"), org.boltkt.client.error.AuthenticationException("rotated", org.boltkt.client.error.ServerStatus(code = "Neo.ClientError.Security.Unauthorized")))
                assertEquals(users[1], whoAmI())
                assertEquals(1, driver.metrics().single().idle, "the one pooled connection was re-authenticated, not replaced")

                driver.session { auth = AuthTokens.basic(users[0], "boltkt-rotation-pw") }.use { session ->
                    assertEquals(users[0], session.run("SHOW CURRENT USER YIELD user").single().getString("user"))
                }
            } finally {
                driver.close()
                for (user in users) admin.executeQuery("DROP USER $user IF EXISTS", config = QueryConfig(database = "system"))
            }
        }
}

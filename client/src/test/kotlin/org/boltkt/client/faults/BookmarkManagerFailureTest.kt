package org.boltkt.client.faults

import io.kotest.matchers.shouldBe
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.async
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.bookmark.BookmarkManager
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.faults.Faults.assertPool
import org.boltkt.client.faults.Faults.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.serveDefaults
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * A bookmark manager that fails after the work committed (issue 17, double release and work after COMMIT).
 * Its failure used to reach the result's failure path after the connection had gone back to the pool: mapped as a
 * driver defect, it closed that connection although another coroutine held it by then, and a committed transaction
 * was reported as failed (a retryable failure made `executeWrite` run the work twice). Now the failure is logged,
 * the caller sees its committed work succeed, and a lease never touches a connection after its release.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BookmarkManagerFailureTest {
    @Test
    fun `a manager failing after an auto-commit result ended leaves the next holder's connection alone`() = withDriver(
        ScriptedBoltServer { greet(); echoQuery(1); echoQuery(2) },
        TransportKind.NIO,
        configure = { maxConnectionPoolSize = 1 },
    ) { driver, server ->
        val updating = CompletableDeferred<Unit>()
        val mayFail = CompletableDeferred<Unit>()
        val failing = object : BookmarkManager {
            override suspend fun getBookmarks(): Set<Bookmark> = emptySet()
            override suspend fun updateBookmarks(previous: Set<Bookmark>, new: Set<Bookmark>) {
                updating.complete(Unit)
                mayFail.await()
                throw IllegalStateException("the bookmark store is down")
            }
        }
        val first = async {
            driver.session { bookmarkManager = failing }.use { s -> s.run("RETURN \$x AS n", mapOf("x" to 1L)).list().map { it.getLong("n") } }
        }
        updating.await() // the first result has ended and given its connection back
        driver.session().use { s ->
            val second = s.run("RETURN \$x AS n", mapOf("x" to 2L)) // the same (only) connection, now this session's
            mayFail.complete(Unit)
            first.await() shouldBe listOf(1L) // committed work is not reported as failed
            driver.assertPool(inUse = 1) // still held by the second session
            second.list().map { it.getLong("n") } shouldBe listOf(2L)
        }
        driver.assertPool(inUse = 0, idle = 1)
        server.connectionsAccepted shouldBe 1
        server.requests(0).count { it.kind == RequestKind.RESET } shouldBe 0
    }

    @Test
    fun `a manager failing after COMMIT neither fails executeWrite nor makes it write twice`() = withDriver(
        ScriptedBoltServer { serveDefaults() },
        TransportKind.NIO,
    ) { driver, server ->
        val failing = object : BookmarkManager {
            override suspend fun getBookmarks(): Set<Bookmark> = emptySet()
            override suspend fun updateBookmarks(previous: Set<Bookmark>, new: Set<Bookmark>) {
                throw ServiceUnavailableException("the bookmark store is unreachable") // retryable, on purpose
            }
        }
        val value = driver.session { bookmarkManager = failing }.use { s ->
            s.executeWrite { tx -> tx.run("CREATE (n) RETURN 1 AS n").single().getLong("n") }
                .also { s.lastBookmarks().size shouldBe 1 } // the session's own chain still advances
        }
        value shouldBe 1L
        val requests = (0 until server.connectionsAccepted).flatMap { server.requests(it) }
        requests.count { it.kind == RequestKind.BEGIN } shouldBe 1
        requests.count { it.kind == RequestKind.COMMIT } shouldBe 1
        driver.assertPool(inUse = 0)
    }

    @Test
    fun `an empty bookmark in answer to COMMIT is ignored`() = withDriver(
        ScriptedBoltServer {
            greet()
            expect(RequestKind.BEGIN); reply(success())
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("n"), "qid" to 0), record(1L), success("has_more" to false))
            expect(RequestKind.COMMIT); reply(success("bookmark" to ""))
        },
        TransportKind.NIO,
    ) { driver, server ->
        driver.session().use { s ->
            s.executeWrite { tx -> tx.run("RETURN 1 AS n").single().getLong("n") } shouldBe 1L
            s.lastBookmarks() shouldBe emptySet()
        }
        server.requests(0).count { it.kind == RequestKind.COMMIT } shouldBe 1
        driver.assertPool(inUse = 0)
    }
}

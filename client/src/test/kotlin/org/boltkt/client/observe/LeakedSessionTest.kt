package org.boltkt.client.observe

import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.yield
import org.boltkt.client.Driver
import org.boltkt.client.it.withDriver
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.slf4j.event.Level
import java.lang.ref.WeakReference
import java.util.concurrent.TimeUnit

/**
 * A session dropped without `close()` while its result is still open (issue 17, "leaked sessions"): without
 * detection its connection stays in use for good (the session itself is collected: nothing in the driver keeps it);
 * with `leakedSessionDetection` the connection comes back and a WARN names where the session was opened.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LeakedSessionTest {
    private val version = Neo4jVersion.LTS_5_26

    @Test
    fun `without detection a leaked session keeps its connection in use after it is collected`() {
        withDriver(version, { fetchSize = 2 }) { driver, _ ->
            val session = leakSession(driver)
            driver.inUse() shouldBe 1
            awaitCollected(session)
            // Nothing can give the connection back once the session is gone: it is in use for good.
            repeat(3) { System.gc() }
            driver.inUse() shouldBe 1
        }
    }

    @Test
    fun `with detection a leaked session's connection returns to the pool and a WARN says where it was opened`() {
        val logger = RecordingLogger(traceEnabled = false)
        val listener = RecordingListener()
        withDriver(version, { fetchSize = 2; leakedSessionDetection = true; this.logger = logger; this.listener = listener }) { driver, _ ->
            val session = leakSession(driver)
            driver.inUse() shouldBe 1
            awaitCollected(session)
            awaitCondition("the leaked session's connection to come back") { driver.inUse() == 0 }
            // The pool is whole again: new work gets a connection.
            driver.session().use { it.run("RETURN 1").consume() }
            driver.inUse() shouldBe 0
        }
        val warning = logger.at(Level.WARN).single()
        warning.message shouldContain "A session was garbage-collected without close() while holding a connection"
        warning.throwable!!.stackTrace.map { it.methodName } shouldContain "leakSession"
        listener.all<ConnectionClosed>().map { it.reason } shouldContain ConnectionCloseReason.LEAKED_SESSION
    }

    @Test
    fun `closed sessions and sessions holding no connection are never reported`() {
        val logger = RecordingLogger(traceEnabled = false)
        withDriver(version, { leakedSessionDetection = true; this.logger = logger }) { driver, _ ->
            val closed = useSession(driver, close = true)
            val idle = useSession(driver, close = false) // never closed, but its result was read: nothing held
            awaitCollected(closed)
            awaitCollected(idle)
            driver.inUse() shouldBe 0
        }
        logger.at(Level.WARN).shouldBeEmpty()
    }

    /** Opens a session whose result stays open (10 rows, 2 per batch) and drops every reference to it. */
    private suspend fun leakSession(driver: Driver): WeakReference<Any> {
        val session = driver.session()
        session.run("UNWIND range(1, 10) AS n RETURN n").next()
        return WeakReference(session)
    }

    /** Opens a session, reads a result to its end, closes the session when [close], and drops every reference to it. */
    private suspend fun useSession(driver: Driver, close: Boolean): WeakReference<Any> {
        val session = driver.session()
        session.run("RETURN 1").consume()
        if (close) session.close()
        return WeakReference(session)
    }

    private fun Driver.inUse(): Int = metrics().sumOf { it.inUse }

    /**
     * Polls until [ref]'s session is collected. First suspends once: the coroutine that opened the session was
     * resumed from a dispatched task whose frame, still on the stack while this coroutine runs on, refers to the
     * finished calls' continuations (and so to the session); a fresh dispatch leaves only this coroutine's own.
     */
    private suspend fun awaitCollected(ref: WeakReference<*>) {
        yield()
        awaitCondition("the session to be garbage-collected") {
            System.gc()
            ref.get() == null
        }
    }

    /** Polls [condition] (GC and the cleaner thread run on their own) for up to 30 s. */
    private fun awaitCondition(what: String, condition: () -> Boolean) {
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (!condition()) {
            check(System.nanoTime() < deadline) { "timed out waiting for $what" }
            Thread.sleep(20)
        }
    }
}

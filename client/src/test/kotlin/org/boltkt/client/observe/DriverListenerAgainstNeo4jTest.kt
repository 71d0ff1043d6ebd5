package org.boltkt.client.observe

import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.error.ClientException
import org.boltkt.client.it.withDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.retry.RetryClassifier
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.use
import org.boltkt.protocol.message.AccessMode
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import org.slf4j.event.Level
import java.util.concurrent.TimeUnit

/** The [DriverListener] events of real work on a real Neo4j 5.26 (bolt:// and neo4j://). */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DriverListenerAgainstNeo4jTest {
    private val version = Neo4jVersion.LTS_5_26

    @Test
    fun `pool and connection events follow a query's connection from creation to close`() {
        val listener = RecordingListener()
        val server = neo4jServerOrSkip(version)
        val address = ServerAddress(server.host, server.port)
        withDriver(version, { this.listener = listener }) { driver, _ ->
            driver.session().use { it.run("RETURN 1 AS n").single().getLong("n") shouldBe 1 }
            driver.session().use { it.run("RETURN 2 AS n").single().getLong("n") shouldBe 2 }
        }
        listener.all<PoolCreated>().map { it.address } shouldContainExactly listOf(address)
        val created = listener.all<ConnectionCreated>()
        created shouldHaveSize 1
        created[0].connectionId shouldNotBe null
        created[0].boltVersion shouldBe "5.8"
        val acquired = listener.all<ConnectionAcquired>()
        acquired shouldHaveSize 2
        acquired.map { it.fresh } shouldContainExactly listOf(true, false)
        acquired.forEach { it.waitNanos shouldNotBe 0L; it.connectionId shouldBe created[0].connectionId }
        listener.all<ConnectionReleased>().map { it.pooled } shouldContainExactly listOf(true, true)
        listener.all<ConnectionClosed>().map { it.reason } shouldContainExactly listOf(ConnectionCloseReason.POOL_CLOSED)
        listener.all<PoolClosed>().map { it.address } shouldContainExactly listOf(address)
        // Order of one connection's life: created, acquired, released ... closed, then the pool closes.
        val kinds = listener.events.map { it.javaClass.simpleName }.filter { it.startsWith("Connection") || it.startsWith("Pool") }
        kinds shouldContainExactly listOf(
            "PoolCreated", "ConnectionCreated", "ConnectionAcquired", "ConnectionReleased", "ConnectionAcquired",
            "ConnectionReleased", "ConnectionClosed", "PoolClosed",
        )
    }

    @Test
    fun `pool stats show the connection in use while a result is open`() {
        val listener = RecordingListener()
        withDriver(version, { this.listener = listener; fetchSize = 2 }) { driver, _ ->
            val stats = listener.all<PoolCreated>().single().stats
            driver.session().use { session ->
                val result = session.run("UNWIND range(1, 10) AS n RETURN n")
                stats.inUse shouldBe 1
                stats.idle shouldBe 0
                result.records().take(3).toList() shouldHaveSize 3 // stops early: the rest is discarded
                stats.inUse shouldBe 0
                stats.idle shouldBe 1
            }
            stats.pendingAcquisitions shouldBe 0
            stats.maxSize shouldBe 100
        }
    }

    @Test
    fun `queries report start and finish with database, server, outcome, error code and duration`() {
        val listener = RecordingListener()
        val server = neo4jServerOrSkip(version)
        withDriver(version, { this.listener = listener }) { driver, _ ->
            driver.session().use { it.run("RETURN 1 AS n").consume() }
            val error = assertThrows<ClientException> { runBlocking { driver.session().use { it.run("RETURN nonsense(").consume() } } }
            driver.session().use { s -> s.executeWrite { tx -> tx.run("RETURN 3 AS n").single().getLong("n") } } shouldBe 3
            error.code shouldBe "Neo.ClientError.Statement.SyntaxError"
        }
        val started = listener.all<QueryStarted>()
        val finished = listener.all<QueryFinished>()
        started.map { it.query } shouldContainExactly listOf("RETURN 1 AS n", "RETURN nonsense(", "RETURN 3 AS n")
        started.map { it.inTransaction } shouldContainExactly listOf(false, false, true)
        started.forEach { it.address shouldBe ServerAddress(server.host, server.port); it.connectionId shouldNotBe null }
        finished.map { it.started } shouldContainExactly started
        finished.map { it.outcome } shouldContainExactly listOf(QueryOutcome.SUCCESS, QueryOutcome.FAILURE, QueryOutcome.SUCCESS)
        finished.map { it.errorCode } shouldContainExactly listOf(null, "Neo.ClientError.Statement.SyntaxError", null)
        finished[1].error.shouldBeInstanceOf<ClientException>()
        finished[0].database shouldBe "neo4j" // the server's `db` in the summary: the session named none
        finished.forEach { it.durationNanos shouldNotBe 0L }
    }

    @Test
    fun `the attachment set at start comes back at finish`() {
        val seen = mutableListOf<Any?>()
        val listener = object : DriverListener {
            override fun queryStarted(event: QueryStarted) { event.attachment = "span for ${event.query}" }
            override fun queryFinished(event: QueryFinished) { seen += event.started.attachment }
        }
        val other = RecordingListener()
        withDriver(version, { this.listener = DriverListener.composite(listener, other) }) { driver, _ ->
            driver.session().use { it.run("RETURN 1").consume() }
        }
        seen shouldContainExactly listOf("span for RETURN 1")
        other.all<QueryFinished>().single().started.attachment shouldNotBe "span for RETURN 1"
    }

    @Test
    fun `managed transaction retries are reported with the previous failure`() {
        val listener = RecordingListener()
        var attempts = 0
        withDriver(version, {
            this.listener = listener
            retryClassifier = RetryClassifier { it is IllegalStateException }
        }) { driver, _ ->
            driver.session().use { s ->
                s.executeWrite { tx ->
                    if (++attempts < 3) throw IllegalStateException("transient #$attempts")
                    tx.run("RETURN 1").consume()
                }
            }
        }
        val retries = listener.all<TransactionRetried>()
        retries.map { it.attempt } shouldContainExactly listOf(2, 3)
        retries.map { it.cause.message } shouldContainExactly listOf("transient #1", "transient #2")
        retries.forEach { it.accessMode shouldBe AccessMode.WRITE; it.errorCode shouldBe null }
    }

    @Test
    fun `verifyAuthentication on a pooled connection is reported as a re-authentication`() {
        val listener = RecordingListener()
        withDriver(version, { this.listener = listener }) { driver, server ->
            driver.session().use { it.run("RETURN 1").consume() }
            driver.verifyAuthentication(AuthTokens.basic(server.user, server.password)) shouldBe true
        }
        listener.all<Reauthenticated>().map { it.reason } shouldContainExactly listOf(ReauthenticationReason.VERIFY_AUTHENTICATION)
    }

    @Test
    fun `a neo4j scheme driver reports the routing tables it fetches`() {
        val server = neo4jServerOrSkip(version)
        val listener = RecordingListener()
        runBlocking {
            val driver = BoltDriver("neo4j://${server.host}:${server.port}", AuthTokens.basic(server.user, server.password)) { this.listener = listener }
            try {
                driver.executeQuery("RETURN 1 AS n").records.single().getLong("n") shouldBe 1
            } finally {
                driver.close()
            }
        }
        val self = ServerAddress(server.host, server.port)
        val update = listener.all<RoutingTableUpdated>().first()
        update.database shouldBe "neo4j"
        update.readers.map { it.port } shouldContainExactly listOf(self.port)
        update.writers.map { it.port } shouldContainExactly listOf(self.port)
        update.ttlSeconds shouldNotBe 0L
    }

    @Test
    fun `a listener that throws is logged and never breaks the driver`() {
        val logger = RecordingLogger(traceEnabled = false)
        val throwing = object : DriverListener {
            override fun connectionAcquired(event: ConnectionAcquired) = throw IllegalStateException("listener bug")
            override fun queryFinished(event: QueryFinished) = throw IllegalStateException("listener bug")
        }
        withDriver(version, { this.listener = throwing; this.logger = logger }) { driver, _ ->
            driver.session().use { it.run("RETURN 5 AS n").single().getLong("n") } shouldBe 5
        }
        val warnings = logger.at(Level.WARN)
        warnings.map { it.message } shouldContainExactly listOf(
            "DriverListener.connectionAcquired threw; the exception is ignored (listeners must not throw)",
            "DriverListener.queryFinished threw; the exception is ignored (listeners must not throw)",
        )
        warnings.forEach { it.throwable!!.message shouldContain "listener bug" }
    }
}

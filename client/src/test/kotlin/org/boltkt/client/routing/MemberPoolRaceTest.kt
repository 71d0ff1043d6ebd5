package org.boltkt.client.routing

import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import org.boltkt.client.auth.AuthTokenManagers
import org.boltkt.client.connection.ConnectionSettings
import org.boltkt.client.connection.Connector
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.faults.Faults
import org.boltkt.client.pool.AcquireRequest
import org.boltkt.client.pool.DirectConnectionSource
import org.boltkt.client.pool.PoolSettings
import org.boltkt.client.routing.Routing.read
import org.boltkt.client.routing.Routing.withDriver
import org.boltkt.client.transport.NioTransportFactory
import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.seconds

/**
 * Routing races with closing pools (issue 17, routing race): a member pool closed by a table refresh while one of
 * its connections is still opening used to fail that acquire as `IllegalStateException("the driver is closed")`;
 * a ROUTE under way when the driver closed kept its router connection open until the ROUTE timeout (30 s).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemberPoolRaceTest {
    @Test
    fun `an acquire on a member pool retired while its connection opens is a retryable connectivity error`(): Unit = runBlocking {
        val helloMayAnswer = CountDownLatch(1)
        ScriptedBoltServer {
            expect(RequestKind.HELLO)
            replyWith { _, _ ->
                helloMayAnswer.await(10, TimeUnit.SECONDS)
                listOf(success("server" to "Neo4j/5.26.0", "connection_id" to "bolt-late"))
            }
            logon()
        }.start().use { server ->
            val connector = Connector(NioTransportFactory(), ConnectionSettings())
            val pools = MemberPools { a -> DirectConnectionSource(a, connector, AuthTokenManagers.static(AuthToken.none()), PoolSettings(), 5.seconds, null) }
            val address = ServerAddress("127.0.0.1", server.port)
            val acquiring = async(Dispatchers.Default) { runCatching { pools.get(address).acquire(AcquireRequest()) } }
            withContext(Dispatchers.IO) { server.awaitConnections(1) } // the connection is opening
            pools.retainOnly(emptySet()) // a new routing table no longer names the member
            helloMayAnswer.countDown()
            val error = withTimeout(10.seconds) { acquiring.await() }.exceptionOrNull()
            error.shouldBeInstanceOf<ServiceUnavailableException>()
            error.isRetryable shouldBe true
            error.message shouldContain "left the routing tables"
            withContext(Dispatchers.IO) { server.awaitOpenConnections(0) }
            pools.close()
        }
    }

    @Test
    fun `a read routed to a member whose pool is retired while it connects is routed again`() {
        ScriptedCluster(2).use { c ->
            c.table(routers = listOf(0), readers = listOf(1), writers = listOf(0))
            val helloSeen = CountDownLatch(1)
            val helloMayAnswer = CountDownLatch(1)
            c.intercept(1) { request, _ ->
                if (request.kind == RequestKind.HELLO) {
                    helloSeen.countDown()
                    helloMayAnswer.await(10, TimeUnit.SECONDS)
                }
                null
            }
            withDriver(c) { driver ->
                val reading = async(Dispatchers.Default) { driver.read("RETURN 1 AS n", db = "neo4j") }
                withContext(Dispatchers.IO) { helloSeen.await(10, TimeUnit.SECONDS) shouldBe true }
                c.table(routers = listOf(0), readers = listOf(0), writers = listOf(0))
                driver.updateRoutingTable("neo4j") // member 1 left every table: its pool is retired
                helloMayAnswer.countDown()
                reading.await() shouldBe 1L
                c.runsOn(0) shouldBe listOf("RETURN 1 AS n")
            }
        }
    }

    @Test
    fun `closing the driver closes the router connection of a ROUTE under way`() {
        ScriptedCluster(1).use { c ->
            c.intercept(0) { request, _ -> if (request.kind == RequestKind.ROUTE) emptyList() else null } // never answers
            withDriver(c) { driver ->
                val reading = async(Dispatchers.Default) { runCatching { driver.read("RETURN 1 AS n", db = "neo4j") } }
                Faults.eventually(what = { "a ROUTE was sent" }) { c.routeRequests.isNotEmpty() }
                driver.close()
                withContext(Dispatchers.IO) { c.members[0].awaitOpenConnections(0, 5.seconds) }
                val error = withTimeout(5.seconds) { reading.await() }.exceptionOrNull()
                error.shouldBeInstanceOf<IllegalStateException>()
                error.message shouldContain "the driver is closed"
            }
        }
    }
}

package org.boltkt.client.testkit

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds

/**
 * Found by testkit (stub/retry `TestRetryClustering`): after a writer answers NotALeader or
 * ForbiddenOnReadOnlyDatabase, the retry asks the router again on the router connection already in the pool and
 * runs again on the writer connection it already has. Each scripted server here accepts ONE connection (a second
 * one is a script failure), like testkit's stub servers, which serve one connection at a time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetryClusteringTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = ["Neo.ClientError.Cluster.NotALeader", "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase"])
    fun `a write retried after the writer refused it reuses the pooled router and writer connections`(code: String) {
        ScriptedBoltServer.perConnection {
            connection {
                handshake(BoltVersion(4, 3))
                hello(server = "Neo4j/4.0.0")
                expect(RequestKind.BEGIN); reply(success())
                expect(RequestKind.RUN); reply(success())
                expect(RequestKind.PULL); reply(failure(code, "<whatever>"))
                expect(RequestKind.RESET); reply(success())
                committedReturnOne()
            }
        }.start().use { writer ->
            routerServing { _, self -> table(self, reader = self, writer = writer.hostAndPort) }.use { (router, routes) ->
                assertEquals(2, executeWriteCountingAttempts(router.hostAndPort))
                assertEquals(2, routes.get(), "one ROUTE for the home database, one after the writer refused")
                router.assertScriptCompleted()
                writer.assertScriptCompleted()
                assertEquals(1, router.connectionsAccepted)
                assertEquals(1, writer.connectionsAccepted)
            }
        }
    }

    @Test
    fun `a write retried after ForbiddenOnReadOnlyDatabase goes to the writer of the new table`() {
        val first = ScriptedBoltServer.perConnection {
            connection {
                handshake(BoltVersion(4, 3))
                hello(server = "Neo4j/4.0.0")
                expect(RequestKind.BEGIN); reply(success())
                expect(RequestKind.RUN); reply(success())
                expect(RequestKind.PULL); reply(failure("Neo.ClientError.General.ForbiddenOnReadOnlyDatabase", "<whatever>"))
                expect(RequestKind.RESET); reply(success())
            }
        }.start()
        val second = ScriptedBoltServer.perConnection {
            connection {
                handshake(BoltVersion(4, 3))
                hello(server = "Neo4j/4.0.0")
                committedReturnOne()
            }
        }.start()
        first.use {
            second.use {
                // router_swap_reader_and_writer.script: the second ROUTE swaps the reader and the writer.
                routerServing { index, self ->
                    if (index == 0) table(self, reader = second.hostAndPort, writer = first.hostAndPort)
                    else table(self, reader = first.hostAndPort, writer = second.hostAndPort)
                }.use { (router, routes) ->
                    assertEquals(2, executeWriteCountingAttempts(router.hostAndPort))
                    assertEquals(2, routes.get())
                    router.assertScriptCompleted()
                    first.assertScriptCompleted()
                    second.assertScriptCompleted()
                    assertEquals(1, router.connectionsAccepted)
                }
            }
        }
    }

    private fun ScriptBuilder.committedReturnOne() {
        expect(RequestKind.BEGIN); reply(success())
        expect(RequestKind.RUN); reply(success("fields" to listOf("n")))
        expect(RequestKind.PULL); reply(record(1L), success("type" to "r"))
        expect(RequestKind.COMMIT); reply(success())
    }

    private class Router(val server: ScriptedBoltServer, val routes: AtomicInteger) : AutoCloseable {
        operator fun component1() = server
        operator fun component2() = routes
        override fun close() = server.close()
    }

    /** A router accepting one connection (Bolt 4.3, AUTO RESET) that answers the n-th ROUTE (0-based) with [answer]. */
    private fun routerServing(answer: (index: Int, self: String) -> Response): Router {
        val routes = AtomicInteger()
        val server = ScriptedBoltServer.perConnection {
            connection {
                handshake(BoltVersion(4, 3))
                hello(server = "Neo4j/4.0.0")
                serve { request, context ->
                    when (request.kind) {
                        // testkit's router.script: `C: ROUTE #ROUTINGCTX# [] null`, no database named, every time.
                        RequestKind.ROUTE -> if (request.field(2) == NullValue) listOf(answer(routes.getAndIncrement(), context.serverAddress)) else null
                        RequestKind.RESET -> listOf(success())
                        else -> null
                    }
                }
            }
        }.start()
        return Router(server, routes)
    }

    private fun table(router: String, reader: String, writer: String): Response =
        ScriptedCluster.routeSuccess(ScriptedCluster.RoutingAnswer(listOf(router), listOf(reader), listOf(writer), ttlSeconds = 1000, database = null))

    /** testkit's `session("r").execute_write(twice)`: returns how many attempts the work ran. */
    private fun executeWriteCountingAttempts(router: String): Int {
        val driver = BoltDriver("neo4j://$router", AuthToken.basic("p", "c")) {
            connectionAcquisitionTimeout = 5.seconds
            maxTransactionRetryTime = 15.seconds
        }
        var attempts = 0
        try {
            runBlocking {
                withTimeout(30.seconds) {
                    driver.session { defaultAccessMode = AccessMode.READ }.use { s ->
                        val n = s.executeWrite { tx -> attempts++; tx.run("RETURN 1").single().getLong("n") }
                        assertEquals(1L, n)
                    }
                }
            }
        } finally {
            runBlocking { driver.close() }
        }
        return attempts
    }
}

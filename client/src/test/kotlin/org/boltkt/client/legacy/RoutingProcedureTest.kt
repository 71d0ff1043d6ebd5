package org.boltkt.client.legacy

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.coroutines.runBlocking
import org.boltkt.protocol.message.AccessMode
import org.boltkt.client.BoltDriver
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.error.RoutingUnavailableException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptBuilder
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * `neo4j://` against servers older than Bolt 4.3 (no ROUTE message): the routing table comes from the routing
 * procedure — `dbms.cluster.routing.getRoutingTable($context)` on Bolt 3, `dbms.routing.getRoutingTable($context,
 * $database)` against `system` with the bookmarks on 4.1/4.2 — and is used like a ROUTE answer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RoutingProcedureTest {
    private fun ScriptBuilder.reader(version: BoltVersion, agent: String, expectDb: String?) {
        handshake(version)
        expect(RequestKind.HELLO)
        reply(success("server" to agent, "connection_id" to "bolt-r"))
        expect(RequestKind.RUN) { it.query shouldBe "RETURN 1 AS n"; it.extraNative["mode"] shouldBe "r"; it.extraNative["db"] shouldBe expectDb }
        expect(RequestKind.PULL)
        reply(success("fields" to listOf("n")), record(1), success("type" to "r"))
    }

    private fun table(readerAddress: String, routerAddress: String) = record(
        300,
        listOf(
            mapOf("addresses" to listOf(routerAddress), "role" to "ROUTE"),
            mapOf("addresses" to listOf(readerAddress), "role" to "READ"),
            mapOf("addresses" to listOf(routerAddress), "role" to "WRITE"),
        ),
    )

    @Test
    fun `Bolt 4_1 asks dbms_routing_getRoutingTable against system with database and bookmarks, then reads from the reader`() {
        ScriptedBoltServer { reader(BoltVersion.V4_1, "Neo4j/4.1.0", expectDb = "movies") }.start().use { reader ->
            var routerPort = 0
            ScriptedBoltServer {
                handshake(BoltVersion.V4_1)
                expect(RequestKind.HELLO) { it.extraNative["routing"] shouldBe mapOf("address" to "127.0.0.1:$routerPort", "region" to "eu") }
                reply(success("server" to "Neo4j/4.1.0", "connection_id" to "bolt-1"))
                expect(RequestKind.RUN) {
                    it.query shouldBe "CALL dbms.routing.getRoutingTable(\$context, \$database)"
                    it.parameters.keys shouldBe setOf("context", "database")
                    it.extraNative shouldBe mapOf("bookmarks" to listOf("bm-1"), "mode" to "r", "db" to "system")
                }
                expect(RequestKind.PULL) { it.n shouldBe -1L }
                replyWith { _, ctx -> listOf(success("fields" to listOf("ttl", "servers")), table(reader.hostAndPort, ctx.serverAddress), success("type" to "r")) }
            }.start().use { router ->
                routerPort = router.port
                val driver = BoltDriver("neo4j://${router.hostAndPort}?region=eu", AuthToken.basic("neo4j", "pw"))
                try {
                    runBlocking {
                        driver.session { database = "movies"; defaultAccessMode = AccessMode.READ; bookmarks = setOf(Bookmark("bm-1")) }
                            .use { s -> s.run("RETURN 1 AS n").single().getLong("n") } shouldBe 1L
                        driver.routingTable("movies")!!.readers.map { it.toString() } shouldBe listOf(reader.hostAndPort)
                    }
                } finally {
                    runBlocking { driver.close() }
                }
                router.assertScriptCompleted()
                reader.assertScriptCompleted()
            }
        }
    }

    @Test
    fun `Bolt 3 asks dbms_cluster_routing_getRoutingTable with the context only`() {
        ScriptedBoltServer { reader(BoltVersion.V3_0, "Neo4j/3.5.0", expectDb = null) }.start().use { reader ->
            ScriptedBoltServer {
                handshake(BoltVersion.V3_0)
                expect(RequestKind.HELLO)
                reply(success("server" to "Neo4j/3.5.0", "connection_id" to "bolt-1"))
                expect(RequestKind.RUN) {
                    it.query shouldBe "CALL dbms.cluster.routing.getRoutingTable(\$context)"
                    it.parameters.keys shouldBe setOf("context")
                    it.extraNative shouldBe mapOf("mode" to "r")
                }
                expect(RequestKind.PULL) { it.fields.size shouldBe 0 }
                replyWith { _, ctx -> listOf(success("fields" to listOf("ttl", "servers")), table(reader.hostAndPort, ctx.serverAddress), success("type" to "r")) }
            }.start().use { router ->
                val driver = BoltDriver("neo4j://${router.hostAndPort}", AuthToken.basic("neo4j", "pw"))
                try {
                    runBlocking {
                        driver.session { defaultAccessMode = AccessMode.READ }.use { s -> s.run("RETURN 1 AS n").single().getLong("n") } shouldBe 1L
                        // the procedure names no database: the inspection API says so with null, not an internal key
                        driver.routingTable(null)!!.database shouldBe null
                    }
                } finally {
                    runBlocking { driver.close() }
                }
                router.assertScriptCompleted()
                reader.assertScriptCompleted()
            }
        }
    }

    @Test
    fun `a server without the routing procedure is an unavailable router, and the error says to use bolt`() {
        ScriptedBoltServer {
            handshake(BoltVersion.V4_2)
            expect(RequestKind.HELLO)
            reply(success("server" to "Neo4j/4.2.0", "connection_id" to "bolt-1"))
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(failure("Neo.ClientError.Procedure.ProcedureNotFound", "no such procedure"), org.boltkt.protocol.message.Response.Ignored)
        }.start().use { router ->
            val driver = BoltDriver("neo4j://${router.hostAndPort}", AuthToken.basic("neo4j", "pw"))
            try {
                val e = shouldThrow<RoutingUnavailableException> { runBlocking { driver.verifyConnectivity() } }
                val cause = e.cause.shouldBeInstanceOf<ServiceUnavailableException>()
                cause.message shouldContain "has no routing procedure"
                cause.message shouldContain "bolt://"
            } finally {
                runBlocking { driver.close() }
            }
        }
    }

    @Test
    fun `Bolt 3 cannot route for a named database, a ClientException before any procedure call`() {
        ScriptedBoltServer {
            handshake(BoltVersion.V3_0)
            expect(RequestKind.HELLO)
            reply(success("server" to "Neo4j/3.5.0", "connection_id" to "bolt-1"))
        }.start().use { router ->
            val driver = BoltDriver("neo4j://${router.hostAndPort}", AuthToken.basic("neo4j", "pw"))
            try {
                val e = shouldThrow<org.boltkt.client.error.ClientException> {
                    runBlocking { driver.session { database = "movies" }.use { s -> s.run("RETURN 1 AS n").consume() } }
                }
                (e is org.boltkt.client.error.UnsupportedFeatureException) shouldBe false
                e.message shouldContain "needs Bolt 4.0+"
                router.connections.single().requests.map { it.kind } shouldBe listOf(RequestKind.HELLO)
            } finally {
                runBlocking { driver.close() }
            }
        }
    }
}

package org.boltkt.client.legacy

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.error.ClientException
import org.boltkt.client.record.getLong
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * Bolt 3.0 (Neo4j 3.5) and 4.1/4.2 over `bolt://`: negotiated from the default proposals, auth in HELLO, PULL_ALL
 * whatever the fetch size on 3.0 and PULL n from 4.1, and a database refused on 3.0 with a ClientException (a usage error, as in the official drivers) that leaves
 * the connection usable.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LegacyBoltVersionsTest {
    @Test
    fun `Bolt 3 streams a whole result with PULL_ALL even with a fetch size`() {
        val pulls = ArrayList<Int>()
        ScriptedBoltServer {
            handshake(BoltVersion.V3_0)
            expect(RequestKind.HELLO) { it.extraNative["principal"] shouldBe "neo4j" }
            reply(success("server" to "Neo4j/3.5.0", "connection_id" to "bolt-1"))
            expect(RequestKind.RUN) { it.extraNative shouldBe emptyMap() }
            expect(RequestKind.PULL) { pulls += it.fields.size }
            reply(success("fields" to listOf("n")), record(1), record(2), record(3), success("bookmark" to "bm-3", "type" to "r"))
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) { fetchSize = 1 }
            try {
                val rows = runBlocking { driver.session().use { s -> s.run("UNWIND [1,2,3] AS n RETURN n").records().toList().map { it.getLong("n") } } }
                rows shouldBe listOf(1L, 2L, 3L)
                pulls shouldBe listOf(0) // PULL_ALL has no fields
            } finally {
                runBlocking { driver.close() }
            }
            server.assertScriptCompleted()
        }
    }

    @Test
    fun `Bolt 3 refuses a database with a typed error and the connection stays usable`() {
        ScriptedBoltServer {
            handshake(BoltVersion.V3_0)
            expect(RequestKind.HELLO)
            reply(success("server" to "Neo4j/3.5.0", "connection_id" to "bolt-1"))
            expect(RequestKind.RUN) { it.query shouldBe "RETURN 2 AS n" }
            expect(RequestKind.PULL)
            reply(success("fields" to listOf("n")), record(2), success("type" to "r"))
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) { maxConnectionPoolSize = 1 }
            try {
                runBlocking {
                    val e = shouldThrow<ClientException> {
                        driver.session { database = "movies" }.use { s -> s.run("RETURN 1 AS n").consume() }
                    }
                    e.message shouldContain "needs Bolt 4.0+"
                    driver.session().use { s -> s.run("RETURN 2 AS n").single().getLong("n") } shouldBe 2L
                }
            } finally {
                runBlocking { driver.close() }
            }
            server.connectionsAccepted shouldBe 1
            server.assertScriptCompleted()
        }
    }

    @Test
    fun `Bolt 4_1 is negotiated from the default proposals and pulls in batches of the fetch size`() {
        val pulls = ArrayList<Long?>()
        ScriptedBoltServer {
            handshakeNegotiate(org.boltkt.protocol.handshake.VersionRange(4, 2, 1))
            expect(RequestKind.HELLO) { it.extraNative.containsKey("patch_bolt") shouldBe false }
            reply(success("server" to "Neo4j/4.2.0", "connection_id" to "bolt-1"))
            expect(RequestKind.RUN) { it.extraNative["db"] shouldBe "movies" }
            expect(RequestKind.PULL) { pulls += it.n }
            reply(success("fields" to listOf("n")), record(1), success("has_more" to true))
            expect(RequestKind.PULL) { pulls += it.n }
            reply(record(2), success("type" to "r", "db" to "movies"))
        }.start().use { server ->
            val driver = BoltDriver(server.uri, AuthToken.basic("neo4j", "pw")) { fetchSize = 1; fetchSizeGrowth = 1 }
            try {
                val rows = runBlocking {
                    driver.session { database = "movies" }.use { s -> s.run("RETURN n").records().toList().map { it.getLong("n") } }
                }
                rows shouldBe listOf(1L, 2L)
                pulls shouldBe listOf(1L, 1L)
                runBlocking { driver.serverInfo().protocolVersion.toString() } shouldBe "4.2"
            } finally {
                runBlocking { driver.close() }
            }
        }
    }
}

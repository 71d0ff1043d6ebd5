package org.boltkt.client.routing

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.AccessMode
import org.boltkt.testing.scripted.ScriptedCluster
import org.boltkt.testing.scripted.valueMap

class RoutingTableParserSpec : FunSpec({
    fun answer(db: String?, ttl: Long = 300) = ScriptedCluster.routeSuccess(
        ScriptedCluster.RoutingAnswer(listOf("r1:7687", "r2:7688"), listOf("[::1]:7690", "r1:7687"), listOf("w1"), ttl, db),
    ).metadata

    test("a Neo4j answer: roles, ports, IPv6, default port, TTL from now") {
        val t = RoutingTableParser.parse(answer("movies"), null, nowNanos = 1_000)
        t.database shouldBe "movies"
        t.named shouldBe true
        t.routers shouldBe listOf(ServerAddress("r1", 7687), ServerAddress("r2", 7688))
        t.readers shouldBe listOf(ServerAddress("::1", 7690), ServerAddress("r1", 7687))
        t.writers shouldBe listOf(ServerAddress("w1", 7687))
        t.expiresAtNanos shouldBe 1_000 + 300_000_000_000
        t.isStaleFor(AccessMode.READ, 1_000) shouldBe false
        t.isStaleFor(AccessMode.READ, 1_000 + 300_000_000_000) shouldBe true
    }

    test("a Memgraph coordinator answer without db is the unnamed home table, or the requested database's") {
        RoutingTableParser.parse(answer(null), null, 0).let { it.named shouldBe false; it.database shouldBe RoutingTableParser.UNNAMED_HOME }
        RoutingTableParser.parse(answer(null), "memgraph", 0).let { it.named shouldBe true; it.database shouldBe "memgraph" }
    }

    test("the rewriter maps every advertised address; duplicates after rewriting collapse") {
        val t = RoutingTableParser.parse(answer("neo4j"), null, 0) { ServerAddress("gw", 9000 + it.port % 10) }
        t.routers shouldBe listOf(ServerAddress("gw", 9007), ServerAddress("gw", 9008))
        t.readers shouldBe listOf(ServerAddress("gw", 9000), ServerAddress("gw", 9007))
    }

    test("a table without writers serves reads but is stale for writes; failures shrink it") {
        val t = RoutingTableParser.parse(answer("neo4j"), null, 0).let { it.withoutWriter(it.writers.single()) }
        t.isStaleFor(AccessMode.READ, 1) shouldBe false
        t.isStaleFor(AccessMode.WRITE, 1) shouldBe true
        t.without(ServerAddress("r1", 7687)).let { it.routers shouldBe listOf(ServerAddress("r2", 7688)); it.readers shouldBe listOf(ServerAddress("::1", 7690)) }
    }

    test("malformed answers are protocol errors naming the problem") {
        shouldThrow<ProtocolException> { RoutingTableParser.parse(valueMap("x" to 1), null, 0) }.message shouldContain "no 'rt' map"
        shouldThrow<ProtocolException> { RoutingTableParser.parse(valueMap("rt" to mapOf("servers" to emptyList<Any>())), null, 0) }.message shouldContain "ttl"
        shouldThrow<ProtocolException> {
            RoutingTableParser.parse(valueMap("rt" to mapOf("ttl" to 1, "servers" to listOf(mapOf("role" to "READ", "addresses" to listOf("a:b"))))), null, 0)
        }.message shouldContain "'a:b'"
    }
})

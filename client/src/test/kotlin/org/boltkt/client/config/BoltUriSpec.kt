package org.boltkt.client.config

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.BoltUri
import org.boltkt.client.error.ConfigurationException
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TrustStrategy

class BoltUriSpec : FunSpec({
    test("bolt:// with and without a port") {
        BoltUri.parse("bolt://db.example:7688") shouldBe BoltUri(false, ServerAddress("db.example", 7688), emptyMap())
        BoltUri.parse("bolt://localhost").address shouldBe ServerAddress("localhost", 7687)
        BoltUri.parse("BOLT://[::1]:7690").address shouldBe ServerAddress("::1", 7690)
    }

    test("neo4j:// carries its routing context plus the address") {
        val uri = BoltUri.parse("neo4j://core1:7687?region=eu&policy=fast%20lane")
        uri.routing shouldBe true
        uri.routingContext shouldBe mapOf("region" to "eu", "policy" to "fast lane", "address" to "core1:7687")
    }

    test("+s and +ssc schemes set the TLS trust") {
        BoltUri.parse("bolt+s://db:7687").trust shouldBe TrustStrategy.SystemCertificates
        BoltUri.parse("neo4j+s://db").let { it.routing shouldBe true; it.trust shouldBe TrustStrategy.SystemCertificates }
        BoltUri.parse("bolt+ssc://db").trust shouldBe TrustStrategy.TrustAllCertificatesInsecure
        BoltUri.parse("NEO4J+SSC://db").let { it.routing shouldBe true; it.trust shouldBe TrustStrategy.TrustAllCertificatesInsecure }
        BoltUri.parse("bolt://db").trust shouldBe null
    }

    test("comma-separated hosts form a seed list, each with its own port") {
        val uri = BoltUri.parse("neo4j://a.example:7001,b.example,[::1]:7003?region=eu")
        uri.addresses shouldBe listOf(ServerAddress("a.example", 7001), ServerAddress("b.example", 7687), ServerAddress("::1", 7003))
        uri.address shouldBe ServerAddress("a.example", 7001)
        uri.routingContext shouldBe mapOf("region" to "eu", "address" to "a.example:7001")
        BoltUri.parse("bolt+s://x:1, y:2").let {
            it.routing shouldBe false
            it.addresses shouldBe listOf(ServerAddress("x", 1), ServerAddress("y", 2))
            it.trust shouldBe TrustStrategy.SystemCertificates
        }
        BoltUri.parse("bolt://only:7688").addresses shouldBe listOf(ServerAddress("only", 7688))
        shouldThrow<ConfigurationException> { BoltUri.parse("neo4j://a:1,,b:2") }.message shouldContain "empty host"
        shouldThrow<ConfigurationException> { BoltUri.parse("neo4j://a:1,b:x") }.message shouldContain "'b:x'"
        shouldThrow<ConfigurationException> { BoltUri.parse("neo4j://u@a:1,b:2") }.message shouldContain "user info"
    }

    test("invalid URIs name the fix") {
        val cases = mapOf(
            "localhost:7687" to "unsupported scheme",
            "http://localhost:7474" to "unsupported scheme 'http'",
            "bolt+x://localhost" to "unsupported scheme 'bolt+x'",
            "bolt+://localhost" to "unsupported scheme",
            "neo4j+s+s://localhost" to "unsupported scheme",
            "bolt://localhost/db" to "must not have a path",
            "bolt://localhost?region=eu" to "only allowed with neo4j://",
            "neo4j://localhost?region" to "needs key=value",
            "neo4j://localhost?address=x:1" to "reserved",
            "bolt://" to "not a valid URI",
            "bolt://:7687" to "no host",
        )
        for ((text, expected) in cases) {
            shouldThrow<ConfigurationException> { BoltUri.parse(text) }.message shouldContain expected
        }
    }
})

package org.boltkt.client.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlin.time.Duration

class TransportConfigSpec : FunSpec({
    test("ServerAddress prints host:port and brackets IPv6 literals") {
        ServerAddress("db.example", 7687).toString() shouldBe "db.example:7687"
        ServerAddress("::1", 7687).toString() shouldBe "[::1]:7687"
        ServerAddress("[::1]", 7687).toString() shouldBe "[::1]:7687"
    }

    test("ServerAddress rejects ports outside 0..65535 and blank hosts") {
        shouldThrow<IllegalArgumentException> { ServerAddress("h", -1) }
        shouldThrow<IllegalArgumentException> { ServerAddress("h", 65536) }
        shouldThrow<IllegalArgumentException> { ServerAddress(" ", 7687) }
        ServerAddress("h", 65535).port shouldBe 65535
    }

    test("TransportOptions defaults: NODELAY and KEEPALIVE on; a non-positive timeout is rejected") {
        TransportOptions.DEFAULT.tcpNoDelay shouldBe true
        TransportOptions.DEFAULT.keepAlive shouldBe true
        shouldThrow<IllegalArgumentException> { TransportOptions(connectTimeout = Duration.ZERO) }
        TransportOptions(connectTimeout = Duration.INFINITE).connectTimeout shouldBe Duration.INFINITE
    }

    test("every kind makes a factory of its own implementation") {
        TransportKind.NIO.newFactory().use { (it is NioTransportFactory) shouldBe true }
        TransportKind.KTOR.newFactory().use { (it is KtorTransportFactory) shouldBe true }
    }
})

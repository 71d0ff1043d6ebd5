package org.boltkt.client.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe

/** The one reading of `host:port` text shared by the routing-table parser and the admin helpers' member names. */
class AddressTextSpec : FunSpec({
    test("host:port, bracketed IPv6 and a bare host (default port) are read, and ServerAddress.toString reads back") {
        parseAddressText("db.example:7688") shouldBe ServerAddress("db.example", 7688)
        parseAddressText("[::1]:7689") shouldBe ServerAddress("::1", 7689)
        parseAddressText("db.example") shouldBe ServerAddress("db.example", ServerAddress.DEFAULT_BOLT_PORT)
        val v6 = ServerAddress("fe80::1", 7687)
        parseAddressText(v6.toString()) shouldBe v6
    }

    test("text that is not an address is null, for the caller to name its own error") {
        listOf("", ":7687", "db.example:port", "db.example:70000", "a b:1", "[::1").forEach { parseAddressText(it).shouldBeNull() }
    }
})

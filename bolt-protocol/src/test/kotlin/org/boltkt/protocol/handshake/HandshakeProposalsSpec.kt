package org.boltkt.protocol.handshake

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.toHex
import org.boltkt.protocol.version.BoltVersion

class HandshakeProposalsSpec : FunSpec({
    test("default request: magic, manifest marker, 5.8 down to 5.0, 4.4 down to 4.1, 3.0") {
        HandshakeProposals.DEFAULT.encodeRequest().toHex() shouldBe
            bytes("60 60 B0 17  00 00 01 FF  00 08 08 05  00 03 04 04  00 00 00 03").toHex()
    }

    test("6.1 and 6.0 are accepted from a manifest only; 6.2 is not spoken") {
        HandshakeProposals.DEFAULT.supports(BoltVersion(6, 0)) shouldBe false
        HandshakeProposals.DEFAULT.supports(BoltVersion(6, 1)) shouldBe false
        HandshakeProposals.DEFAULT.acceptsFromManifest(BoltVersion(6, 0)) shouldBe true
        HandshakeProposals.DEFAULT.acceptsFromManifest(BoltVersion(6, 1)) shouldBe true
        HandshakeProposals.DEFAULT.acceptsFromManifest(BoltVersion(6, 2)) shouldBe false
        HandshakeProposals.DEFAULT.acceptsFromManifest(BoltVersion(4, 0)) shouldBe false
        HandshakeProposals.DEFAULT.toString() shouldBe "manifest v1 (also 6.1–6.0), 5.8–5.0, 4.4–4.1, 3.0"
        HandshakeProposals(listOf(VersionRange(5, 8, 0)), manifestOnly = listOf(VersionRange(6, 0)))
            .acceptsFromManifest(BoltVersion(6, 0)) shouldBe false // no manifest offered
    }

    test("legacy request: no manifest, 5.8 down to 5.0, 4.4 down to 4.2, exact 4.1 and 3.0") {
        HandshakeProposals.LEGACY.encodeRequest().toHex() shouldBe
            bytes("60 60 B0 17  00 08 08 05  00 02 04 04  00 00 01 04  00 00 00 03").toHex()
        HandshakeProposals.LEGACY.offerManifestV1 shouldBe false
        HandshakeProposals.LEGACY.acceptsFromManifest(BoltVersion(6, 0)) shouldBe false
        HandshakeProposals.LEGACY.acceptsFromManifest(BoltVersion(6, 1)) shouldBe false
        HandshakeProposals.LEGACY.supports(BoltVersion(4, 2)) shouldBe true
        HandshakeProposals.LEGACY.supports(BoltVersion(4, 1)) shouldBe true
    }

    test("Memgraph request: 5.2 down to 5.0 and 4.3, unused slots zero") {
        HandshakeProposals.MEMGRAPH.encodeRequest().toHex() shouldBe
            bytes("60 60 B0 17  00 02 02 05  00 00 03 04  00 00 00 00  00 00 00 00").toHex()
    }

    test("a configurable set with a range per slot") {
        HandshakeProposals(listOf(VersionRange(5, 4, 1), VersionRange(4, 4, 2)), offerManifestV1 = true)
            .encodeRequest().toHex() shouldBe bytes("60 60 B0 17 00 00 01 FF 00 03 04 05 00 02 04 04 00 00 00 00").toHex()
    }

    test("the request array is a fresh copy each time") {
        val a = HandshakeProposals.DEFAULT.encodeRequest()
        a[0] = 0
        HandshakeProposals.DEFAULT.encodeRequest()[0] shouldBe 0x60.toByte()
    }

    test("too many slots or none are refused") {
        val four = List(4) { VersionRange(5, it) }
        HandshakeProposals(four).ranges.size shouldBe 4
        shouldThrow<IllegalArgumentException> { HandshakeProposals(four, offerManifestV1 = true) }
        shouldThrow<IllegalArgumentException> { HandshakeProposals(emptyList()) }
        shouldThrow<IllegalArgumentException> { VersionRange(5, 1, 2) }
    }

    test("version range membership and 4-byte form") {
        val r = VersionRange(5, 8, 0)
        (BoltVersion(5, 0) in r) shouldBe true
        (BoltVersion(5, 8) in r) shouldBe true
        (BoltVersion(5, 9) in r) shouldBe false
        (BoltVersion(4, 4) in r) shouldBe false
        VersionRange.readFrom(bytes("00 08 08 05"), 0) shouldBe r
        VersionRange.readFrom(bytes("7F 00 04 04"), 0) shouldBe VersionRange(4, 4) // reserved byte ignored
        shouldThrow<BoltProtocolException> { VersionRange.readFrom(bytes("00 05 04 04"), 0) }
        r.toString() shouldBe "5.8–5.0"
    }
})

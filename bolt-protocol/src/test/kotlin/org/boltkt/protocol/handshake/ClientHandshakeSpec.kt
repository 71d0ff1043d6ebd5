package org.boltkt.protocol.handshake

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.toHex
import org.boltkt.protocol.version.BoltVersion

class ClientHandshakeSpec : FunSpec({
    fun failure(proposals: HandshakeProposals = HandshakeProposals.DEFAULT, answer: String) =
        shouldThrow<BoltProtocolException> { ClientHandshake(proposals).feed(bytes(answer)) }

    context("legacy answers") {
        listOf(
            "00 00 08 05" to BoltVersion(5, 8),
            "00 00 00 05" to BoltVersion(5, 0),
            "00 00 04 05" to BoltVersion(5, 4),
            "00 00 04 04" to BoltVersion(4, 4),
            "00 00 02 04" to BoltVersion(4, 2),
            "00 00 01 04" to BoltVersion(4, 1),
            "00 00 00 03" to BoltVersion(3, 0),
        ).forEach { (answer, version) ->
            test("$answer -> $version") {
                ClientHandshake().feed(bytes(answer)) shouldBe HandshakeStep.Done(NegotiatedProtocol(version))
            }
        }

        test("Memgraph answers 5.2 or 4.3") {
            ClientHandshake(HandshakeProposals.MEMGRAPH).feed(bytes("00 00 02 05")) shouldBe
                HandshakeStep.Done(NegotiatedProtocol(BoltVersion(5, 2)))
            ClientHandshake(HandshakeProposals.MEMGRAPH).feed(bytes("00 00 03 04")) shouldBe
                HandshakeStep.Done(NegotiatedProtocol(BoltVersion(4, 3)))
        }

        test("answer split byte by byte asks for the rest") {
            val h = ClientHandshake()
            h.feed(bytes("00")) shouldBe HandshakeStep.NeedMoreBytes(3)
            h.feed(bytes("00 08")) shouldBe HandshakeStep.NeedMoreBytes(1)
            h.feed(bytes("05")) shouldBe HandshakeStep.Done(NegotiatedProtocol(BoltVersion.V5_8))
        }

        test("an empty feed changes nothing") {
            ClientHandshake().feed(ByteArray(0)) shouldBe HandshakeStep.NeedMoreBytes(4)
        }
    }

    context("errors") {
        test("no common version names what was proposed") {
            failure(answer = "00 00 00 00").reason shouldContain "none of the proposed Bolt versions (proposed: manifest v1 (also 6.1–6.0), 5.8–5.0, 4.4–4.1, 3.0)"
            failure(HandshakeProposals.MEMGRAPH, "00 00 00 00").reason shouldContain "proposed: 5.2–5.0, 4.3)"
        }

        test("only the all-zero answer counts as a refusal (worth another proposal on a new connection)") {
            val refusing = ClientHandshake()
            shouldThrow<BoltProtocolException> { refusing.feed(bytes("00 00 00 00")) }
            refusing.refused shouldBe true
            val http = ClientHandshake()
            shouldThrow<BoltProtocolException> { http.feed(bytes { utf8("HTTP") }) }
            http.refused shouldBe false
            val unproposed = ClientHandshake()
            shouldThrow<BoltProtocolException> { unproposed.feed(bytes("00 00 00 04")) }
            unproposed.refused shouldBe false
            val fine = ClientHandshake()
            fine.feed(bytes("00 00 08 05"))
            fine.refused shouldBe false
        }

        test("an HTTP server is recognised") {
            failure(answer = bytes { utf8("HTTP/1.1 400") }.toHex()).reason shouldContain "HTTP port"
        }

        test("an unproposed version is refused") {
            failure(answer = "00 00 00 04").reason shouldContain "chose Bolt 4.0 (00 00 00 04), which was not proposed"
            // 6.0 is accepted only from a manifest: a server answering it in a plain slot was not offered it
            failure(answer = "00 00 00 06").reason shouldContain "chose Bolt 6.0 (00 00 00 06), which was not proposed"
            failure(answer = "00 00 01 06").reason shouldContain "chose Bolt 6.1 (00 00 01 06), which was not proposed"
            failure(HandshakeProposals.MEMGRAPH, "00 00 08 05").reason shouldContain "Bolt 5.8"
        }

        test("the manifest marker is refused when it was not proposed") {
            failure(HandshakeProposals.MEMGRAPH, "00 00 01 FF").reason shouldContain "Bolt 255.1"
        }

        test("garbage is refused") {
            failure(answer = "15 03 01 00").reason shouldContain "unrecognised handshake answer 15 03 01 00"
        }

        test("bytes after the answer are refused, and the failure sticks") {
            val h = ClientHandshake()
            shouldThrow<BoltProtocolException> { h.feed(bytes("00 00 08 05 00")) }.reason shouldContain "unexpected bytes"
            shouldThrow<BoltProtocolException> { h.feed(bytes("00")) }
        }
    }

    context("manifest v1") {
        test("server offers 5.0–5.8 and 4.4 with no capabilities: client picks 5.8, replies 00 00 08 05 00") {
            val h = ClientHandshake()
            h.request().copyOfRange(4, 8).toHex() shouldBe "00 00 01 FF"
            val step = h.feed(bytes("00 00 01 FF  02  00 08 08 05  00 00 04 04  00"))
            step.shouldBeInstanceOf<HandshakeStep.SendThenDone>()
            step.bytes.toHex() shouldBe "00 00 08 05 00"
            step.result shouldBe NegotiatedProtocol(BoltVersion(5, 8), 0, viaManifest = true)
        }

        test("server offering versions beyond the client's picks the highest common one: 6.1 of 6.2–6.0") {
            val step = ClientHandshake().feed(bytes("00 00 01 FF 03 00 02 02 06 00 0A 0A 05 00 00 04 04 00"))
            step.shouldBeInstanceOf<HandshakeStep.SendThenDone>()
            step.result.version shouldBe BoltVersion(6, 1)
            step.bytes.toHex() shouldBe "00 00 01 06 00"
        }

        test("a 6.1 server (Neo4j 2026.x: 6.1–6.0, 5.8–5.0, 4.4) gets 6.1; a 6.0-only server 6.0") {
            val v61 = ClientHandshake().feed(bytes("00 00 01 FF 03 00 01 01 06 00 08 08 05 00 00 04 04 00"))
            v61.shouldBeInstanceOf<HandshakeStep.SendThenDone>()
            v61.bytes.toHex() shouldBe "00 00 01 06 00"
            v61.result shouldBe NegotiatedProtocol(BoltVersion.V6_1, 0, viaManifest = true)
            val v60 = ClientHandshake().feed(bytes("00 00 01 FF 02 00 00 00 06 00 08 08 05 00"))
            v60.shouldBeInstanceOf<HandshakeStep.SendThenDone>()
            v60.bytes.toHex() shouldBe "00 00 00 06 00"
        }

        test("capabilities: the reply carries requested AND offered bits as a VarInt") {
            // server offers bits 0 and 7 (0x81 = VarInt 81 01); client asks for bits 7 and 8 -> accepts 0x80 = 80 01
            val step = ClientHandshake(requestedCapabilities = 0x180).feed(bytes("00 00 01 FF 01 00 00 04 04 81 01"))
            step.shouldBeInstanceOf<HandshakeStep.SendThenDone>()
            step.bytes.toHex() shouldBe "00 00 04 04 80 01"
            step.result.capabilities shouldBe 0x80L
        }

        test("a full 64-bit capability mask is accepted") {
            val mask = "FF FF FF FF FF FF FF FF FF 01"
            val step = ClientHandshake(requestedCapabilities = -1L).feed(bytes("00 00 01 FF 01 00 00 08 05 $mask"))
            step.shouldBeInstanceOf<HandshakeStep.SendThenDone>()
            step.result.capabilities shouldBe -1L
            step.bytes.toHex() shouldBe "00 00 08 05 $mask"
        }

        test("fed one byte at a time, it asks for more until complete") {
            val answer = bytes("00 00 01 FF 02 00 08 08 05 00 00 04 04 00")
            val h = ClientHandshake()
            val steps = answer.map { h.feed(byteArrayOf(it)) }
            steps.dropLast(1).forEach { it.shouldBeInstanceOf<HandshakeStep.NeedMoreBytes>() }
            steps[0] shouldBe HandshakeStep.NeedMoreBytes(3)
            steps[3] shouldBe HandshakeStep.NeedMoreBytes(1) // the count
            steps[4] shouldBe HandshakeStep.NeedMoreBytes(9) // two ranges, then at least one mask byte
            (steps.last() as HandshakeStep.SendThenDone).result.version shouldBe BoltVersion.V5_8
        }

        test("zero ranges means no common version") {
            shouldThrow<BoltProtocolException> { ClientHandshake().feed(bytes("00 00 01 FF 00 00")) }
                .reason shouldContain "no common Bolt version: the server offers nothing"
        }

        test("only unknown versions offered: error names both sides") {
            shouldThrow<BoltProtocolException> { ClientHandshake().feed(bytes("00 00 01 FF 01 00 00 00 04 00")) }
                .reason shouldContain "the server offers 4.0, the client speaks 6.1–6.0, 5.8–5.0, 4.4–4.1, 3.0"
        }

        test("a hostile count is refused before allocating") {
            // VarInt FF FF FF FF 07 = 2^31 - 1
            shouldThrow<BoltProtocolException> { ClientHandshake().feed(bytes("00 00 01 FF FF FF FF FF 07")) }
                .reason shouldContain "exceeds the limit of 64"
            shouldThrow<BoltProtocolException> { ClientHandshake().feed(bytes("00 00 01 FF 41")) }
            ClientHandshake().feed(bytes("00 00 01 FF 40")) shouldBe HandshakeStep.NeedMoreBytes(257)
        }

        test("an overlong capability mask is rejected, not waited for") {
            val e = shouldThrow<BoltProtocolException> {
                ClientHandshake().feed(bytes("00 00 01 FF 01 00 00 08 05 " + "80 ".repeat(10)))
            }
            e.reason shouldContain "longer than 10 bytes"
            shouldThrow<BoltProtocolException> {
                ClientHandshake().feed(bytes("00 00 01 FF 01 00 00 08 05 " + "FF ".repeat(9) + "02"))
            }.reason shouldContain "overflows 64 bits"
        }

        test("a range longer than its minor is refused") {
            shouldThrow<BoltProtocolException> { ClientHandshake().feed(bytes("00 00 01 FF 01 00 09 08 05 00")) }
        }
    }
})

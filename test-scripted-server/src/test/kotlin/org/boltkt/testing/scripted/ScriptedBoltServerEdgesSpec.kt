package org.boltkt.testing.scripted

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import org.boltkt.protocol.handshake.HandshakeProposals
import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.Hello
import org.boltkt.protocol.message.Pull
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.Route
import org.boltkt.protocol.message.Run
import org.boltkt.protocol.message.Telemetry
import org.boltkt.protocol.message.TelemetryApi
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import java.io.EOFException
import java.time.ZoneOffset
import java.time.ZonedDateTime

class ScriptedBoltServerEdgesSpec : FunSpec({
    timeout = 20_000L

    afterSpec { ScriptedBoltServer.liveThreads().map { it.name }.shouldBeEmpty() }

    test("undecodable client bytes are a failure and close the connection") {
        ScriptedBoltServer { handshake(BoltVersion(5, 4)); expect(RequestKind.HELLO) }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake()
                c.writeRaw(byteArrayOf(0x00, 0x02, 0xC7.toByte(), 0x01, 0x00, 0x00)) // reserved marker
                shouldThrow<EOFException> { c.receive() }
            }
            server.failures.single().message shouldContain "undecodable"
        }
    }

    test("a wrong magic preamble is a failure") {
        ScriptedBoltServer { stall() }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.writeRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".toByteArray())
                c.readByte() shouldBe -1
            }
            server.failures.single().message shouldContain "magic"
        }
    }

    test("negotiation without a common version answers zero and records a failure") {
        ScriptedBoltServer { handshakeNegotiate(VersionRange(2, 0)) }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                shouldThrow<org.boltkt.protocol.BoltProtocolException> { c.handshake() }.message shouldContain "none of the proposed"
            }
            server.failures.single().message shouldContain "no common Bolt version"
        }
    }

    test("the client closing mid-script is no failure, but the script is incomplete") {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 4))
            hello()
            logon()
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake()
                c.send(Hello("x"))
                c.receive()
            }
            server.awaitOpenConnections(0)
            server.failures.shouldBeEmpty()
            server.connections.single().closeReason shouldBe CloseReason.CLIENT
            shouldThrow<AssertionError> { server.assertScriptCompleted() }.message shouldContain "script not completed"
        }
    }

    test("delay, optional steps and replyWith") {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 4))
            hello(); logon()
            optional(RequestKind.TELEMETRY) { reply(success()) }
            expect(RequestKind.RUN)
            delay(150)
            replyWith { req, ctx -> listOf(success("fields" to listOf("q"), "echo" to req?.query, "v" to ctx.capabilities.version.toString())) }
            optional(RequestKind.TELEMETRY)
            expect(RequestKind.PULL)
            reply(success("has_more" to false))
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake()
                c.send(Hello("x"), org.boltkt.protocol.message.Logon(AuthToken.basic("u", "p")))
                c.receive(); c.receive()
                c.send(Telemetry(TelemetryApi.AUTO_COMMIT), Run("RETURN 1"), Pull())
                c.receive() shouldBe success()
                val started = System.nanoTime()
                val run = c.receive().shouldBeInstanceOf<Response.Success>()
                (System.nanoTime() - started) / 1_000_000 shouldBeGreaterThanOrEqual 100L
                run.metadata["echo"] shouldBe StringValue("RETURN 1")
                run.metadata["v"] shouldBe StringValue("5.4")
                c.receive() shouldBe success("has_more" to false)
            }
            server.assertScriptCompleted()
        }
    }

    test("the default responder answers ROUTE with this server for every role") {
        ScriptedBoltServer { serveDefaults() }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake()
                c.send(Hello("x", routing = mapOf("address" to server.hostAndPort)), org.boltkt.protocol.message.Logon(AuthToken.basic("u", "p")))
                c.receive(); c.receive()
                c.send(Route(mapOf("address" to server.hostAndPort)))
                val rt = (c.receive() as Response.Success).metadata["rt"] as MapValue
                val servers = (rt.entries["servers"] as ListValue).values.map { (it as MapValue).entries }
                servers.map { it["role"] } shouldBe listOf("WRITE", "READ", "ROUTE").map(::StringValue)
                servers.forEach { it["addresses"] shouldBe ListValue(listOf(StringValue(server.hostAndPort))) }
            }
        }
    }

    test("Bolt 4.4: replies switch to UTC date-times once HELLO SUCCESS grants the utc patch") {
        val t = ZonedDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2))
        ScriptedBoltServer {
            handshake(BoltVersion.V4_4)
            expect(RequestKind.HELLO) { it.extraNative["patch_bolt"] shouldBe listOf("utc") }
            reply(success("server" to "Neo4j/4.4.0", "patch_bolt" to listOf("utc")))
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("t")), record(t), success())
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake(HandshakeProposals(listOf(VersionRange(4, 4))))
                c.send(Hello("x", auth = AuthToken.basic("u", "p")))
                c.receive()
                c.capabilities = Capabilities.of(BoltVersion.V4_4, utcPatch = true)
                c.send(Run("RETURN \$t"), Pull())
                c.receive()
                c.receive() shouldBe Response.Record(listOf(DateTimeValue(t)))
            }
            server.assertScriptCompleted()
        }
    }
})

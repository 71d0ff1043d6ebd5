package org.boltkt.testing.scripted

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import org.boltkt.protocol.handshake.HandshakeProposals
import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.Goodbye
import org.boltkt.protocol.message.Hello
import org.boltkt.protocol.message.Logon
import org.boltkt.protocol.message.Pull
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Reset
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.Run
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.version.BoltVersion
import java.io.EOFException
import java.net.SocketTimeoutException
import kotlin.time.Duration.Companion.seconds

class ScriptedBoltServerSpec : FunSpec({
    timeout = 20_000L

    afterSpec {
        // Every test closes its server; no scripted-server thread may survive.
        ScriptedBoltServer.liveThreads().map { it.name }.shouldBeEmpty()
    }

    fun TestBoltClient.helloLogon() {
        send(Hello("test/1.0"), Logon(AuthToken.basic("neo4j", "pw")))
    }

    test("a scripted HELLO/LOGON/RUN/PULL exchange decodes as scripted") {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 4))
            expect(RequestKind.HELLO) { it.extraNative["user_agent"] shouldBe "test/1.0" }
            reply(success("server" to "Neo4j/5.26.0", "connection_id" to "bolt-1"))
            expect(RequestKind.LOGON) { it.extraNative["principal"] shouldBe "neo4j" }
            reply(success())
            expect(RequestKind.RUN) { it.query shouldBe "RETURN \$x AS n"; it.parameters["x"] shouldBe IntegerValue(7) }
            expect(RequestKind.PULL) { it.n shouldBe 1000L }
            reply(success("fields" to listOf("n"), "t_first" to 1))
            repeat(10) { reply(record(it)) }
            reply(success("has_more" to false, "bookmark" to "bm1"))
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake().version shouldBe BoltVersion(5, 4)
                c.helloLogon()
                c.receive() shouldBe Response.Success(mapOf("server" to StringValue("Neo4j/5.26.0"), "connection_id" to StringValue("bolt-1")))
                c.receive() shouldBe Response.Success(emptyMap())
                c.send(Run("RETURN \$x AS n", mapOf("x" to IntegerValue(7))), Pull(1000))
                val run = c.receive().shouldBeInstanceOf<Response.Success>()
                run.metadata["fields"] shouldBe ListValue(listOf(StringValue("n")))
                (0 until 10).forEach { c.receive() shouldBe Response.Record(listOf(IntegerValue(it.toLong()))) }
                c.receive() shouldBe success("has_more" to false, "bookmark" to "bm1")
                // After the script: AUTO answers RESET and closes on GOODBYE.
                c.send(Reset)
                c.receive() shouldBe Response.Success(emptyMap())
                c.send(Goodbye)
                c.readByte() shouldBe -1
            }
            server.awaitOpenConnections(0)
            server.assertScriptCompleted()
            server.requests(0).map { it.kind } shouldBe listOf(
                RequestKind.HELLO, RequestKind.LOGON, RequestKind.RUN, RequestKind.PULL, RequestKind.RESET, RequestKind.GOODBYE,
            )
            server.connections[0].closeReason shouldBe CloseReason.GOODBYE
        }
    }

    test("an unexpected request is reported as a failure and the connection closes") {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 4))
            hello()
            expect(RequestKind.LOGON)
            reply(success())
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake()
                c.send(Hello("test/1.0"))
                c.receive().shouldBeInstanceOf<Response.Success>()
                c.send(Run("RETURN 1"))
                shouldThrow<EOFException> { c.receive() }
            }
            server.failures shouldHaveSize 1
            server.failures[0].message shouldContain "expected LOGON"
            server.failures[0].message shouldContain "RUN"
            server.connections[0].closeReason shouldBe CloseReason.FAILURE
            shouldThrow<AssertionError> { server.assertScriptCompleted() }.message shouldContain "expected LOGON"
        }
    }

    test("a matcher that throws counts as a mismatch") {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 4))
            expect(RequestKind.HELLO) { it.extraNative["user_agent"] shouldBe "other" }
            reply(success())
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake()
                c.send(Hello("test/1.0"))
                shouldThrow<EOFException> { c.receive() }
            }
            server.failures.single().message shouldContain "did not match"
        }
    }

    test("closeConnection() mid-stream gives the client EOF") {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 1))
            hello(); logon()
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("n")))
            reply(record(1), record(2))
            closeConnection()
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake()
                c.helloLogon(); c.receive(); c.receive()
                c.send(Run("UNWIND range(1, 10) AS n RETURN n"), Pull())
                c.receive().shouldBeInstanceOf<Response.Success>()
                c.receive() shouldBe record(1)
                c.receive() shouldBe record(2)
                shouldThrow<EOFException> { c.receive() }
            }
            server.assertScriptCompleted()
            server.connections[0].closeReason shouldBe CloseReason.SCRIPT
        }
    }

    test("resetConnection() aborts the socket") {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 1))
            expect(RequestKind.HELLO)
            resetConnection()
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake()
                c.send(Hello("test/1.0"))
                val e = shouldThrow<java.io.IOException> { c.receive() }
                (e is java.net.SocketException || e is EOFException) shouldBe true
            }
        }
    }

    test("stall() leaves the client waiting") {
        ScriptedBoltServer {
            handshake(BoltVersion(5, 4))
            expect(RequestKind.HELLO)
            stall()
        }.start().use { server ->
            TestBoltClient(server.port, soTimeoutMillis = 300).use { c ->
                c.handshake()
                c.send(Hello("test/1.0"))
                shouldThrow<SocketTimeoutException> { c.receive() }
                // Requests sent into the stall are still logged.
                c.send(Reset)
                server.openConnections shouldBe 1
            }
            server.awaitOpenConnections(0)
            server.assertScriptCompleted()
            server.requests(0).map { it.kind } shouldBe listOf(RequestKind.HELLO, RequestKind.RESET)
            server.connections[0].closeReason shouldBe CloseReason.CLIENT
        }
    }

    test("garbage bytes arrive verbatim") {
        val garbage = byteArrayOf(0x00, 0x03, 0xB1.toByte(), 0x70, 0x01, 0xDE.toByte(), 0xAD.toByte(), 0xBE.toByte(), 0xEF.toByte())
        ScriptedBoltServer {
            handshake(BoltVersion(5, 4))
            expect(RequestKind.HELLO)
            sendRaw(garbage)
            stall()
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake()
                c.send(Hello("test/1.0"))
                c.readRaw(garbage.size) shouldBe garbage
            }
        }
    }

    test("handshake answers: raw HTTP, none, manifest v1, negotiation") {
        ScriptedBoltServer.perConnection {
            connection { handshakeRaw("HTTP/1.1 400 Bad Request\r\n\r\n".toByteArray()); closeConnection() }
            connection { handshakeNoAnswer() }
            connection {
                handshakeManifest(VersionRange(5, 8, 0), capabilities = 1)
                expect(RequestKind.HELLO)
                reply(success("server" to "Neo4j/2026.08.1"))
            }
            connection { handshakeNegotiate(VersionRange(5, 2, 0), VersionRange(4, 3)) }
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                shouldThrow<org.boltkt.protocol.BoltProtocolException> { c.handshake() }.message shouldContain "HTTP"
            }
            TestBoltClient(server.port, soTimeoutMillis = 200).use { c ->
                shouldThrow<SocketTimeoutException> { c.handshake() }
            }
            TestBoltClient(server.port).use { c ->
                val p = c.handshake(requestedCapabilities = 1)
                p.version shouldBe BoltVersion(5, 8)
                p.viaManifest shouldBe true
                c.send(Hello("test/1.0"))
                c.receive() shouldBe success("server" to "Neo4j/2026.08.1")
            }
            TestBoltClient(server.port).use { c ->
                c.handshake(HandshakeProposals.MEMGRAPH).version shouldBe BoltVersion(5, 2)
            }
            server.awaitOpenConnections(0)
            server.failures.shouldBeEmpty()
            server.connections[2].version shouldBe BoltVersion(5, 8)
            server.connections[2].clientCapabilities shouldBe 1L
            server.connections[0].handshakeRequest.shouldNotBeNull() shouldBe HandshakeProposals.DEFAULT.encodeRequest()
        }
    }

    test("several successive connections get their own scripts, then the default") {
        ScriptedBoltServer.perConnection {
            connection {
                handshake(BoltVersion(5, 4))
                expect(RequestKind.HELLO)
                reply(failure("Neo.ClientError.Security.Unauthorized", "nope"))
                closeConnection()
            }
            connection {
                handshake(BoltVersion(5, 7))
                expect(RequestKind.HELLO)
                reply(gqlFailure("42NFF", "access denied", code = "Neo.ClientError.Security.Forbidden"))
                closeConnection()
            }
            otherwise { serveDefaults(rows = listOf(listOf(1L), listOf(2L), listOf(3L))) }
        }.start().use { server ->
            TestBoltClient(server.port).use { c ->
                c.handshake(); c.send(Hello("a"))
                c.receive() shouldBe Response.Failure("Neo.ClientError.Security.Unauthorized", "nope")
            }
            TestBoltClient(server.port).use { c ->
                c.handshake(); c.send(Hello("b"))
                val f = c.receive().shouldBeInstanceOf<Response.Failure>()
                f.code shouldBe "Neo.ClientError.Security.Forbidden"
                f.gqlStatus shouldBe "42NFF"
                f.diagnosticRecord?.get("CURRENT_SCHEMA") shouldBe StringValue("/")
            }
            repeat(3) { i ->
                TestBoltClient(server.port).use { c ->
                    c.handshake().version shouldBe BoltVersion(5, 8)
                    c.helloLogon()
                    c.receive() shouldBe success("server" to "Neo4j/5.26.0", "connection_id" to "bolt-${i + 2}")
                    c.receive() shouldBe success()
                    c.send(Run("RETURN 1"), Pull(2))
                    c.receive().shouldBeInstanceOf<Response.Success>()
                    c.receive() shouldBe record(1L)
                    c.receive() shouldBe record(2L)
                    c.receive() shouldBe success("has_more" to true)
                    c.send(Pull(2))
                    c.receive() shouldBe record(3L)
                    val summary = c.receive().shouldBeInstanceOf<Response.Success>()
                    summary.metadata["bookmark"] shouldBe StringValue("bm-${i + 2}-1")
                }
            }
            server.awaitConnections(5)
            server.awaitOpenConnections(0)
            server.connectionsAccepted shouldBe 5
            server.assertScriptCompleted()
        }
    }

    test("a connection beyond the scripts without a default is a failure") {
        ScriptedBoltServer.perConnection {
            connection { handshake(BoltVersion(5, 0)); stall() }
        }.start().use { server ->
            TestBoltClient(server.port).use { it.handshake() }
            TestBoltClient(server.port).use { c -> c.readByte() shouldBe -1 }
            server.failures.single().message shouldContain "unexpected connection #1"
        }
    }

    test("close() leaves no open connection and no live server thread") {
        val server = ScriptedBoltServer {
            handshake(BoltVersion(5, 4))
            expect(RequestKind.HELLO)
            stall()
        }.start()
        val clients = List(3) { TestBoltClient(server.port) }
        try {
            clients.forEach { it.handshake(); it.send(Hello("x")) }
            server.awaitConnections(3, 5.seconds)
            server.openConnections shouldBe 3
            ScriptedBoltServer.liveThreads().size shouldBe 4 // acceptor + 3 connections
            server.close()
            server.close() // idempotent
            server.openConnections shouldBe 0
            ScriptedBoltServer.liveThreads().shouldBeEmpty()
            clients.forEach { c -> c.readByte() shouldBe -1 }
            server.connections.map { it.closeReason }.toSet() shouldBe setOf(CloseReason.SERVER_SHUTDOWN)
            server.failures.shouldBeEmpty()
        } finally {
            clients.forEach { it.close() }
            server.close()
        }
    }
})

package org.boltkt.testing.scripted

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.Begin
import org.boltkt.protocol.message.BoltAgent
import org.boltkt.protocol.message.Commit
import org.boltkt.protocol.message.Discard
import org.boltkt.protocol.message.Goodbye
import org.boltkt.protocol.message.Hello
import org.boltkt.protocol.message.Logoff
import org.boltkt.protocol.message.Logon
import org.boltkt.protocol.message.Pull
import org.boltkt.protocol.message.RequestEncoder
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Reset
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.ResponseDecoder
import org.boltkt.protocol.message.Rollback
import org.boltkt.protocol.message.Route
import org.boltkt.protocol.message.Run
import org.boltkt.protocol.message.Telemetry
import org.boltkt.protocol.message.TelemetryApi
import org.boltkt.protocol.message.TransactionOptions
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.UnknownStructValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZonedDateTime

class CodecSpec : FunSpec({
    val v54 = Capabilities.of(BoltVersion(5, 4))

    fun decode(r: org.boltkt.protocol.message.Request, c: Capabilities = v54) =
        RequestEncoder.encodeToByteArray(r, c).let { RequestDecoder.decode(it, c.valueFormat) }

    context("RequestDecoder reads what RequestEncoder writes") {
        test("HELLO, LOGON, LOGOFF, TELEMETRY and the field-less requests") {
            val hello = decode(Hello("ua/1", boltAgent = BoltAgent("boltkt/0.1"), routing = mapOf("address" to "h:1")))
            hello.kind shouldBe RequestKind.HELLO
            hello.extraNative["user_agent"] shouldBe "ua/1"
            hello.extraNative["bolt_agent"] shouldBe mapOf("product" to "boltkt/0.1")
            hello.extraNative["routing"] shouldBe mapOf("address" to "h:1")
            decode(Logon(AuthToken.basic("u", "p"))).extraNative["credentials"] shouldBe "p"
            decode(Logoff).fields shouldBe emptyList()
            decode(Telemetry(TelemetryApi.AUTO_COMMIT)).fields shouldBe listOf(IntegerValue(2))
            listOf(Goodbye, Reset, Commit, Rollback).forEach { r ->
                decode(r).let { it.kind shouldBe r.kind; it.fields shouldBe emptyList() }
            }
        }

        test("RUN, BEGIN, PULL, DISCARD") {
            val opts = TransactionOptions(bookmarks = listOf("bm"), mode = AccessMode.READ, database = "db1")
            val run = decode(Run("RETURN \$a", mapOf("a" to StringValue("x")), opts))
            run.query shouldBe "RETURN \$a"
            run.parameters shouldBe mapOf("a" to StringValue("x"))
            run.extraNative shouldBe mapOf("bookmarks" to listOf("bm"), "mode" to "r", "db" to "db1")
            decode(Begin(opts)).extraNative["db"] shouldBe "db1"
            decode(Pull(100, 3)).let { it.n shouldBe 100L; it.extraNative["qid"] shouldBe 3L }
            decode(Discard()).let { it.kind shouldBe RequestKind.DISCARD; it.n shouldBe -1L }
        }

        test("ROUTE in the 4.3 and 4.4+ layouts") {
            val r44 = decode(Route(mapOf("address" to "h:1"), listOf("b"), "db1", "imp"))
            r44.kind shouldBe RequestKind.ROUTE
            r44.extraNative shouldBe mapOf("db" to "db1", "imp_user" to "imp")
            val c43 = Capabilities.of(BoltVersion.V4_3)
            decode(Route(mapOf(), database = null), c43).fields[2] shouldBe NullValue
        }

        test("an unknown signature decodes with a null kind; trailing bytes are rejected") {
            val r = RequestDecoder.decode(byteArrayOf(0xB1.toByte(), 0x77, 0x01), v54.valueFormat)
            r.kind shouldBe null
            r.signature shouldBe 0x77
            shouldThrow<BoltProtocolException> { RequestDecoder.decode(byteArrayOf(0xB0.toByte(), 0x0F, 0x01), v54.valueFormat) }
        }
    }

    context("ResponseDecoder reads what ResponseEncoder writes") {
        val versions = listOf(BoltVersion.V4_4, BoltVersion.V5_0, BoltVersion(5, 6), BoltVersion(5, 7), BoltVersion.V6_0)
        versions.forEach { v ->
            val c = Capabilities.of(v)
            fun roundTrip(r: Response) = ResponseDecoder.decode(ResponseEncoder.encode(r, c), c)

            test("SUCCESS, RECORD, IGNORED on $v") {
                val s = success("fields" to listOf("a", "b"), "t_first" to 3, "db" to null, "m" to mapOf("k" to 1.5, "b" to true))
                roundTrip(s) shouldBe s
                val rec = record(1, "x", null, listOf(1, 2), mapOf("d" to LocalDate.of(2024, 2, 29)),
                    ZonedDateTime.of(2024, 3, 1, 12, 0, 0, 5, ZoneId.of("Europe/Paris")))
                roundTrip(rec) shouldBe rec
                roundTrip(ignored()) shouldBe Response.Ignored
            }

            test("FAILURE on $v is sent in the version's shape") {
                val f = roundTrip(failure("Neo.ClientError.Statement.SyntaxError", "bad"))
                f as Response.Failure
                f.code shouldBe "Neo.ClientError.Statement.SyntaxError"
                f.message shouldBe "bad"
                f.gqlStatus shouldBe if (c.gqlFailures) "50N42" else null
            }

            test("graph entities on $v") {
                val node = NodeValue(7, "4:x:7", listOf("L"), mapOf("p" to IntegerValue(1)))
                val decoded = (roundTrip(record(node)) as Response.Record).fields.single() as NodeValue
                decoded.id shouldBe 7
                decoded.elementId shouldBe if (c.valueFormat.elementIds) "4:x:7" else "7"
                decoded.labels shouldBe listOf("L")
            }
        }

        test("a GQL failure with a cause chain round-trips on 5.7") {
            val c = Capabilities.of(BoltVersion(5, 7))
            val f = gqlFailure(
                "22N01", "wrong type", code = "Neo.ClientError.Statement.TypeError",
                cause = gqlCause("22G03", "inner", cause = gqlCause("50N00", "innermost", diagnosticRecord = null)),
            )
            ResponseDecoder.decode(ResponseEncoder.encode(f, c), c) shouldBe f
        }

        test("encodeStruct writes any structure") {
            val bytes = ResponseEncoder.encodeStruct(0x7F, listOf(MapValue(mapOf("code" to IntegerValue(1)))), v54.valueFormat)
            shouldThrow<BoltProtocolException> { ResponseDecoder.decode(bytes, v54) }
            val unknown = UnknownStructValue(0x01, listOf(StringValue("a")))
            ResponseDecoder.decode(ResponseEncoder.encode(record(unknown), v54), v54) shouldBe Response.Record(listOf(unknown))
        }
    }
})

package org.boltkt.protocol.message

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.dict
import org.boltkt.protocol.testing.expectProtocolError
import org.boltkt.protocol.testing.stringList
import org.boltkt.protocol.testing.tinyInt
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities

class ResponseDecoderSpec : FunSpec({
    val versions = listOf(BoltVersion(4, 3), BoltVersion(4, 4)) + (0..8).map { BoltVersion(5, it) } + BoltVersion(6, 0)

    for (v in versions) context("Bolt $v") {
        val c = Capabilities.of(v)
        test("SUCCESS, RECORD, IGNORED") {
            ResponseDecoder.decode(bytes { struct(1, 0x70); dict { entry("fields") { stringList("n") }; entry("t_first") { tinyInt(3) } } }, c) shouldBe
                Response.Success(mapOf("fields" to ListValue(listOf(StringValue("n"))), "t_first" to IntegerValue(3)))
            ResponseDecoder.decode(bytes("B1 71 92 01 81 61"), c) shouldBe Response.Record(listOf(IntegerValue(1), StringValue("a")))
            ResponseDecoder.decode(bytes("B0 7E"), c) shouldBe Response.Ignored
        }

        test("FAILURE in the shape of the version") {
            if (!v.atLeast(5, 7)) {
                ResponseDecoder.decode(bytes { struct(1, 0x7F); dict { stringEntry("code", "Neo.ClientError.X"); stringEntry("message", "boom") } }, c) shouldBe
                    Response.Failure("Neo.ClientError.X", "boom")
            } else {
                val f = ResponseDecoder.decode(
                    bytes {
                        struct(1, 0x7F)
                        dict {
                            stringEntry("gql_status", "22N01"); stringEntry("description", "error: data exception")
                            stringEntry("message", "boom"); stringEntry("neo4j_code", "Neo.ClientError.Statement.TypeError")
                            entry("diagnostic_record") { dict { stringEntry("OPERATION", "") } }
                            entry("cause") {
                                dict {
                                    stringEntry("gql_status", "22G03"); stringEntry("description", "inner"); stringEntry("message", "m2")
                                    entry("cause") { dict { stringEntry("gql_status", "50N42"); stringEntry("description", "d3"); stringEntry("message", "m3") } }
                                }
                            }
                        }
                    },
                    c,
                ) as Response.Failure
                f.code shouldBe "Neo.ClientError.Statement.TypeError"
                f.gqlStatus shouldBe "22N01"
                f.diagnosticRecord shouldBe mapOf("OPERATION" to StringValue(""))
                f.cause?.gqlStatus shouldBe "22G03"
                f.cause?.cause?.message shouldBe "m3"
                f.cause?.cause?.cause shouldBe null
            }
        }

        test("FAILURE missing its required fields is a protocol error") {
            val input = bytes { struct(1, 0x7F); dict { stringEntry("code", "Neo.ClientError.X") } }
            expectProtocolError(input) { ResponseDecoder.decode(input, c) }.reason shouldContain "message"
        }
    }

    test("structural errors") {
        val c = Capabilities.of(BoltVersion.V5_8)
        for (input in listOf(bytes("B1 70 A0 00"), bytes("B0 70"), bytes("B1 7E A0"), bytes("B1 55 A0"), bytes("B1 71 A0"),
            bytes("B1 70 90"), bytes { struct(1, 0x7F); dict { entry("message") { tinyInt(1) } } })) {
            expectProtocolError(input) { ResponseDecoder.decode(input, c) }
        }
    }

    test("decodes a message inside a larger buffer") {
        val buf = bytes("FF FF B0 7E FF")
        ResponseDecoder.decode(buf, Capabilities.of(BoltVersion.V5_0), offset = 2, length = 2) shouldBe Response.Ignored
    }
})

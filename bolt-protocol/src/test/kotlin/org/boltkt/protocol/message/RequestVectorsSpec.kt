package org.boltkt.protocol.message

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.protocol.testing.BytesBuilder
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.testing.dict
import org.boltkt.protocol.testing.nullValue
import org.boltkt.protocol.testing.stringList
import org.boltkt.protocol.testing.tinyInt
import org.boltkt.protocol.testing.toHex
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import java.time.Duration
import java.util.UUID

/**
 * Byte-exact request vectors for every supported version. Expected bytes are written per spec from the version
 * number alone (never from Capabilities), so a wrong capability derivation fails here too.
 */
class RequestVectorsSpec : FunSpec({
    val versions = listOf(BoltVersion(3, 0), BoltVersion(4, 1), BoltVersion(4, 2), BoltVersion(4, 3), BoltVersion(4, 4)) + (0..8).map { BoltVersion(5, it) } + BoltVersion(6, 0) + BoltVersion(6, 1)

    fun enc(r: Request, c: Capabilities) = RequestEncoder.encodeToByteArray(r, c).toHex()
    fun expect(block: BytesBuilder.() -> Unit) = bytes(block).toHex()

    for (v in versions) {
        val c = Capabilities.of(v)
        val ge = { major: Int, minor: Int -> v.atLeast(major, minor) }

        context("Bolt $v") {
            test("RESET, GOODBYE, COMMIT, ROLLBACK have no fields") {
                enc(Reset, c) shouldBe "B0 0F"
                enc(Goodbye, c) shouldBe "B0 02"
                enc(Commit, c) shouldBe "B0 12"
                enc(Rollback, c) shouldBe "B0 13"
            }

            test("PULL and DISCARD") {
                if (!ge(4, 0)) {
                    // Bolt 3: PULL_ALL and DISCARD_ALL have no fields, whatever n and qid say
                    enc(Pull(), c) shouldBe "B0 3F"
                    enc(Pull(1000, 3), c) shouldBe "B0 3F"
                    enc(Discard(), c) shouldBe "B0 2F"
                    return@test
                }
                enc(Pull(), c) shouldBe expect { struct(1, 0x3F); dict { entry("n") { tinyInt(-1) } } }
                enc(Pull(1000, 3), c) shouldBe expect {
                    struct(1, 0x3F); dict { entry("n") { hex("C9 03 E8") }; entry("qid") { tinyInt(3) } }
                }
                enc(Discard(), c) shouldBe expect { struct(1, 0x2F); dict { entry("n") { tinyInt(-1) } } }
            }

            test("RUN in a transaction sends empty extra") {
                enc(Run("RETURN \$x", mapOf("x" to IntegerValue(1))), c) shouldBe expect {
                    struct(3, 0x10); string("RETURN \$x"); dict { entry("x") { tinyInt(1) } }; hex("A0")
                }
            }

            test("RUN with a parameter writer writes its map in place of the values, given this version's format") {
                var seen: org.boltkt.protocol.value.ValueFormat? = null
                val run = Run("RETURN \$x", parameterWriter = { w, f -> seen = f; w.writeMapHeader(1); w.writeString("x"); w.writeInt(1) })
                enc(run, c) shouldBe enc(Run("RETURN \$x", mapOf("x" to IntegerValue(1))), c)
                seen shouldBe c.valueFormat
            }

            test("a parameter writer's refusal reaches the caller as IllegalArgumentException") {
                val run = Run("RETURN 1", parameterWriter = { _, _ -> throw IllegalArgumentException("vectors need Bolt 6.0 or later") })
                shouldThrow<IllegalArgumentException> { enc(run, c) }.message shouldContain "Bolt 6.0"
            }

            test("a UUID parameter is marker E0 and 16 bytes from 6.1; before, encoding refuses it naming 6.1") {
                val run = Run("RETURN \$u", mapOf("u" to UuidValue(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"))))
                if (ge(6, 1)) {
                    enc(run, c) shouldBe expect {
                        struct(3, 0x10); string("RETURN \$u")
                        dict { entry("u") { hex("E0 55 0E 84 00 E2 9B 41 D4 A7 16 44 66 55 44 00 00") } }; hex("A0")
                    }
                } else {
                    shouldThrow<IllegalArgumentException> { enc(run, c) }.message shouldContain "Bolt 6.1"
                }
            }

            test("auto-commit RUN and BEGIN carry the transaction extra") {
                val opts = TransactionOptions(
                    bookmarks = listOf("bm1"), timeout = Duration.ofNanos(1_500_001), mode = AccessMode.READ, database = "neo4j",
                )
                val extra: BytesBuilder.() -> Unit = {
                    dict {
                        entry("bookmarks") { stringList("bm1") }
                        entry("tx_timeout") { tinyInt(2) } // 1.500001 ms rounds up
                        stringEntry("mode", "r")
                        stringEntry("db", "neo4j")
                    }
                }
                if (!ge(4, 0)) {
                    // Bolt 3 cannot select a database: refused with the typed error, the rest is sent
                    shouldThrow<UnsupportedByVersionException> { enc(Begin(opts), c) }.message shouldContain "needs Bolt 4.0+"
                    enc(Begin(opts.copy(database = null)), c) shouldBe expect {
                        struct(1, 0x11)
                        dict { entry("bookmarks") { stringList("bm1") }; entry("tx_timeout") { tinyInt(2) }; stringEntry("mode", "r") }
                    }
                    return@test
                }
                enc(Run("RETURN 1", options = opts), c) shouldBe expect { struct(3, 0x10); string("RETURN 1"); hex("A0"); extra() }
                enc(Begin(opts), c) shouldBe expect { struct(1, 0x11); extra() }
            }

            test("impersonation") {
                val begin = Begin(TransactionOptions(impersonatedUser = "bob"))
                if (ge(4, 4)) {
                    enc(begin, c) shouldBe expect { struct(1, 0x11); dict { stringEntry("imp_user", "bob") } }
                } else {
                    shouldThrow<UnsupportedByVersionException> { enc(begin, c) }
                }
            }

            test("notification filters") {
                val begin = Begin(TransactionOptions(notificationFilter = NotificationFilter("WARNING", setOf("HINT"))))
                val key = if (ge(5, 5)) "notifications_disabled_classifications" else "notifications_disabled_categories"
                if (ge(5, 2)) {
                    enc(begin, c) shouldBe expect {
                        struct(1, 0x11)
                        dict { stringEntry("notifications_minimum_severity", "WARNING"); entry(key) { stringList("HINT") } }
                    }
                } else {
                    shouldThrow<IllegalArgumentException> { enc(begin, c) }
                }
            }

            test("HELLO") {
                val auth = AuthToken.basic("neo4j", "pw")
                val agent = BoltAgent("boltkt/0.1", platform = "Linux")
                val hello = Hello("boltkt/0.1", agent, routing = mapOf("address" to "h:7687"), auth = auth.takeIf { !ge(5, 1) })
                enc(hello, c) shouldBe expect {
                    struct(1, 0x01)
                    dict {
                        stringEntry("user_agent", "boltkt/0.1")
                        if (!ge(5, 1)) {
                            stringEntry("scheme", "basic"); stringEntry("principal", "neo4j"); stringEntry("credentials", "pw")
                        }
                        entry("routing") { dict { stringEntry("address", "h:7687") } }
                        if (v == BoltVersion.V4_3 || v == BoltVersion.V4_4) entry("patch_bolt") { stringList("utc") }
                        if (ge(5, 3)) entry("bolt_agent") { dict { stringEntry("product", "boltkt/0.1"); stringEntry("platform", "Linux") } }
                    }
                }
                if (ge(5, 1)) {
                    shouldThrow<IllegalArgumentException> { enc(hello.copy(auth = auth), c) }
                } else {
                    shouldThrow<IllegalArgumentException> { enc(hello.copy(auth = null), c) }
                }
            }

            test("LOGON and LOGOFF") {
                val logon = Logon(AuthToken.bearer("tok"))
                if (ge(5, 1)) {
                    enc(logon, c) shouldBe expect { struct(1, 0x6A); dict { stringEntry("scheme", "bearer"); stringEntry("credentials", "tok") } }
                    enc(Logoff, c) shouldBe "B0 6B"
                } else {
                    shouldThrow<IllegalArgumentException> { enc(logon, c) }
                    shouldThrow<IllegalArgumentException> { enc(Logoff, c) }
                }
            }

            test("TELEMETRY") {
                if (ge(5, 4)) enc(Telemetry(TelemetryApi.UNMANAGED_TX), c) shouldBe "B1 54 01"
                else shouldThrow<IllegalArgumentException> { enc(Telemetry(TelemetryApi.UNMANAGED_TX), c) }
            }

            test("ROUTE") {
                if (!ge(4, 3)) {
                    shouldThrow<UnsupportedByVersionException> { enc(Route(emptyMap()), c) }.message shouldContain "routing procedure"
                    return@test
                }
                val route = Route(mapOf("address" to "h:7687"), listOf("bm"), database = "neo4j")
                enc(route, c) shouldBe expect {
                    struct(3, 0x66); dict { stringEntry("address", "h:7687") }; stringList("bm")
                    if (ge(4, 4)) dict { stringEntry("db", "neo4j") } else string("neo4j")
                }
                val home = Route(emptyMap(), impersonatedUser = null)
                enc(home, c) shouldBe expect { struct(3, 0x66); hex("A0 90"); if (ge(4, 4)) hex("A0") else nullValue() }
                val imp = Route(emptyMap(), impersonatedUser = "bob")
                if (ge(4, 4)) enc(imp, c) shouldBe expect { struct(3, 0x66); hex("A0 90"); dict { stringEntry("imp_user", "bob") } }
                else shouldThrow<IllegalArgumentException> { enc(imp, c) }
            }
        }
    }

    test("every RequestKind has a request type whose kind matches its signature") {
        val samples = listOf(Hello("a"), Logon(AuthToken.none()), Logoff, Telemetry(TelemetryApi.TX_FUNCTION), Goodbye, Reset,
            Run("x"), Begin(), Commit, Rollback, Discard(), Pull(), Route(emptyMap()))
        samples.map { it.kind }.toSet() shouldBe RequestKind.entries.toSet()
    }

    test("RUN refuses values and a parameter writer together") {
        shouldThrow<IllegalArgumentException> { Run("x", mapOf("a" to IntegerValue(1)), parameterWriter = { w, _ -> w.writeMapHeader(0) }) }
    }

    test("AuthToken.toString hides credentials") {
        AuthToken.basic("neo4j", "secret").toString().contains("secret") shouldBe false
    }

    test("AuthToken.toString hides a custom scheme's parameters and any field it does not know") {
        val token = AuthToken.custom(
            "sso", "alice", "pw", realm = "corp", parameters = mapOf("apiKey" to org.boltkt.protocol.value.StringValue("k-123")),
        )
        val shown = token.toString()
        listOf("k-123", "apiKey", "pw").forEach { shown.contains(it) shouldBe false }
        shown shouldBe "AuthToken(scheme=sso, principal=alice, credentials=******, realm=corp, parameters=******)"
        AuthToken(mapOf("scheme" to org.boltkt.protocol.value.StringValue("x"), "token" to org.boltkt.protocol.value.StringValue("t-9")))
            .toString().contains("t-9") shouldBe false
    }
})

package org.boltkt.protocol.realserver

import org.boltkt.protocol.handshake.HandshakeProposals
import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.BytesValue
import org.boltkt.protocol.value.DateTimeValue
import org.boltkt.protocol.value.DateValue
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.LocalDateTimeValue
import org.boltkt.protocol.value.LocalTimeValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.PathValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.RelationshipValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.TimeValue
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.VectorElementType
import org.boltkt.protocol.value.VectorValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.Arguments
import org.junit.jupiter.params.provider.MethodSource
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.util.UUID

/**
 * The protocol layer against real Neo4j 5.26 and 2026.x: every Cypher type comes back decoded to its exact expected
 * value, and goes back to the server as a parameter unchanged, for each way the protocol can be negotiated.
 */
class RealServerDecodeTest {
    enum class Negotiation(val proposals: HandshakeProposals, val legacyDateTimes: Boolean = false) {
        HIGHEST(HandshakeProposals.DEFAULT),
        BOLT_4_4_UTC(HandshakeProposals(listOf(VersionRange(4, 4)))),
        BOLT_4_4_LEGACY_DATETIME(HandshakeProposals(listOf(VersionRange(4, 4))), legacyDateTimes = true),
    }

    private fun open(version: Neo4jVersion, negotiation: Negotiation): RawBoltSession {
        val server = neo4jServerOrSkip(version)
        return RawBoltSession.open(server.host, server.port, server.user, server.password, negotiation.proposals, negotiation.legacyDateTimes)
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    fun `negotiates the expected version and date-time form`(version: Neo4jVersion, negotiation: Negotiation) {
        open(version, negotiation).use { s ->
            val v = s.capabilities.version
            when (negotiation) {
                Negotiation.HIGHEST -> {
                    if (version == Neo4jVersion.LTS_5_26) assertEquals(BoltVersion(5, 8), v) else assertEquals(BoltVersion.V6_1, v)
                    assertEquals(true, s.negotiated.viaManifest, "both servers answer the manifest v1 offer")
                }
                else -> {
                    assertEquals(BoltVersion.V4_4, v)
                    assertEquals(false, s.negotiated.viaManifest, "no manifest offered: a plain 4-byte answer")
                }
            }
            assertEquals(negotiation != Negotiation.BOLT_4_4_LEGACY_DATETIME, s.capabilities.valueFormat.utcDateTime)
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    fun `scalars, strings, bytes, lists and maps`(version: Neo4jVersion, negotiation: Negotiation) {
        open(version, negotiation).use { s ->
            val row = s.query(
                "RETURN null AS n, true AS t, false AS f, 0 AS i0, -16 AS i1, -17 AS i2, 127 AS i3, 128 AS i4, " +
                    "-129 AS i5, 32768 AS i6, 2147483648 AS i7, 9223372036854775807 AS i8, -9223372036854775807 - 1 AS i9, " +
                    "3.14 AS fl, -2.5e-10 AS fl2, '' AS s0, 'héllo wörld ✓ 𝄞' AS s1, " +
                    "[1, 'a', [2.5, null], {k: 'v'}] AS l, {a: 1, b: {c: [true]}} AS m",
            ).single()
            val expected = mapOf(
                "n" to NullValue, "t" to BooleanValue(true), "f" to BooleanValue(false),
                "i0" to IntegerValue(0), "i1" to IntegerValue(-16), "i2" to IntegerValue(-17), "i3" to IntegerValue(127),
                "i4" to IntegerValue(128), "i5" to IntegerValue(-129), "i6" to IntegerValue(32768),
                "i7" to IntegerValue(2147483648), "i8" to IntegerValue(Long.MAX_VALUE), "i9" to IntegerValue(Long.MIN_VALUE),
                "fl" to FloatValue(3.14), "fl2" to FloatValue(-2.5e-10), "s0" to StringValue(""), "s1" to StringValue("héllo wörld ✓ 𝄞"),
                "l" to ListValue(listOf(IntegerValue(1), StringValue("a"), ListValue(listOf(FloatValue(2.5), NullValue)), MapValue(mapOf("k" to StringValue("v"))))),
                "m" to MapValue(mapOf("a" to IntegerValue(1), "b" to MapValue(mapOf("c" to ListValue(listOf(BooleanValue(true))))))),
            )
            assertEquals(expected, row)
            for ((key, value) in expected) assertRoundTrip(s, value, key)
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    fun `strings and bytes larger than one chunk round-trip`(version: Neo4jVersion, negotiation: Negotiation) {
        open(version, negotiation).use { s ->
            val long = "ß".repeat(70_000) + "end"
            val bytes = ByteArray(200_000) { (it * 31).toByte() }
            val row = s.query("RETURN \$s AS s, \$b AS b, size(\$s) AS len", mapOf("s" to StringValue(long), "b" to BytesValue(bytes))).single()
            assertEquals(StringValue(long), row["s"])
            assertArrayEquals(bytes, (row["b"] as BytesValue).value)
            assertEquals(IntegerValue(70_003), row["len"])
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    fun `temporal values with nanoseconds and named zones`(version: Neo4jVersion, negotiation: Negotiation) {
        open(version, negotiation).use { s ->
            val row = s.query(
                "RETURN date('2024-02-29') AS d, date('-0044-03-15') AS d2, localtime('23:59:59.999999999') AS lt, " +
                    "time('12:34:56.123456789+02:00') AS t, localdatetime('2024-02-29T12:34:56.000000001') AS ldt, " +
                    "datetime('2024-02-29T12:34:56.123456789+05:30') AS dto, " +
                    "datetime('2024-07-01T12:00:00.5[Europe/Berlin]') AS dtz, " +
                    "datetime('1969-12-31T23:59:59.999999999Z') AS before_epoch, " +
                    "duration('P1Y2M3DT4H5M6.123456789S') AS dur",
            ).single()
            val expected = mapOf(
                "d" to DateValue(LocalDate.of(2024, 2, 29)),
                "d2" to DateValue(LocalDate.of(-44, 3, 15)),
                "lt" to LocalTimeValue(LocalTime.of(23, 59, 59, 999_999_999)),
                "t" to TimeValue(OffsetTime.of(12, 34, 56, 123_456_789, ZoneOffset.ofHours(2))),
                "ldt" to LocalDateTimeValue(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 1)),
                "dto" to DateTimeValue(ZonedDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30))),
                "dtz" to DateTimeValue(ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 500_000_000, ZoneId.of("Europe/Berlin"))),
                "before_epoch" to DateTimeValue(ZonedDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC)),
                "dur" to DurationValue(months = 14, days = 3, seconds = 4 * 3600 + 5 * 60 + 6, nanos = 123_456_789),
            )
            assertEquals(expected, row)
            for ((key, value) in expected) assertRoundTrip(s, value, key)
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    fun `points in both coordinate systems, 2D and 3D`(version: Neo4jVersion, negotiation: Negotiation) {
        open(version, negotiation).use { s ->
            val row = s.query(
                "RETURN point({x: 1.5, y: -2.0}) AS c2, point({x: 1.0, y: 2.0, z: 3.0}) AS c3, " +
                    "point({longitude: 12.5, latitude: 55.6}) AS w2, point({longitude: 12.5, latitude: 55.6, height: 100.0}) AS w3",
            ).single()
            val expected = mapOf(
                "c2" to Point2DValue(7203, 1.5, -2.0), "c3" to Point3DValue(9157, 1.0, 2.0, 3.0),
                "w2" to Point2DValue(4326, 12.5, 55.6), "w3" to Point3DValue(4979, 12.5, 55.6, 100.0),
            )
            assertEquals(expected, row)
            for ((key, value) in expected) assertRoundTrip(s, value, key)
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    fun `nodes, relationships and paths`(version: Neo4jVersion, negotiation: Negotiation) {
        open(version, negotiation).use { s ->
            val tag = "decode-${version.name}-${negotiation.name}"
            val row = s.query(
                "CREATE p = (a:BoltktDecode:Person {name: 'Ann', born: 1970, tag: \$tag})-[r:KNOWS {since: 2001}]->" +
                    "(b:BoltktDecode {name: 'Bob', tag: \$tag}) RETURN a, r, b, p",
                mapOf("tag" to StringValue(tag)),
            ).single()
            try {
                val a = row["a"] as NodeValue
                val b = row["b"] as NodeValue
                val r = row["r"] as RelationshipValue
                val p = row["p"] as PathValue
                assertEquals(setOf("BoltktDecode", "Person"), a.labels.toSet())
                assertEquals(mapOf("name" to StringValue("Ann"), "born" to IntegerValue(1970), "tag" to StringValue(tag)), a.properties)
                assertEquals(listOf("BoltktDecode"), b.labels)
                assertEquals("KNOWS", r.type)
                assertEquals(mapOf("since" to IntegerValue(2001)), r.properties)
                assertEquals(a.id, r.startNodeId)
                assertEquals(b.id, r.endNodeId)
                assertNotEquals(a.id, b.id)
                if (s.capabilities.valueFormat.elementIds) {
                    assertTrue(a.elementId.isNotEmpty() && r.elementId.isNotEmpty())
                    assertEquals(a.elementId, r.startNodeElementId)
                    assertEquals(b.elementId, r.endNodeElementId)
                }
                assertEquals(listOf(a, b), p.nodes)
                val segment = p.segments().single()
                assertEquals(a, segment.start)
                assertEquals(b, segment.end)
                assertEquals(r.id, segment.relationship.id)
                assertEquals(a.id, segment.relationship.startNodeId)
                assertEquals("KNOWS", segment.relationship.type)
            } finally {
                s.query("MATCH (n:BoltktDecode {tag: \$tag}) DETACH DELETE n", mapOf("tag" to StringValue(tag)))
            }
        }
    }

    /** Only Neo4j 2026.x speaks Bolt 6 (6.1), the first version with vectors. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("boltSixCases")
    fun `vectors on Bolt 6`(version: Neo4jVersion, negotiation: Negotiation) {
        open(version, negotiation).use { s ->
            assertTrue(s.capabilities.valueFormat.vectors, "negotiated ${s.capabilities.version}")
            val row = s.query(
                "CYPHER 25 RETURN vector([1.05, 0.123, 5], 3, FLOAT32) AS f32, vector([1, -2, 3], 3, INTEGER8) AS i8, " +
                    "vector([1.5, 2.5], 2, FLOAT64) AS f64",
            ).single()
            val f32 = row["f32"] as VectorValue
            assertEquals(VectorElementType.FLOAT32, f32.elementType)
            assertArrayEquals(doubleArrayOf(1.05f.toDouble(), 0.123f.toDouble(), 5.0), f32.toDoubleArray())
            val i8 = row["i8"] as VectorValue
            assertEquals(VectorElementType.INT8, i8.elementType)
            assertArrayEquals(longArrayOf(1, -2, 3), i8.toLongArray())
            assertEquals(VectorElementType.FLOAT64, (row["f64"] as VectorValue).elementType)
            assertArrayEquals(doubleArrayOf(1.5, 2.5), (row["f64"] as VectorValue).toDoubleArray())
            for ((key, value) in row) assertRoundTrip(s, value, key)
        }
    }

    /** Bolt 6.1 (Neo4j 2026.x) carries Neo4j's UUID type: PackStream marker E0 and 16 bytes, both directions. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("boltSixCases")
    fun `UUIDs on Bolt 6_1`(version: Neo4jVersion, negotiation: Negotiation) {
        open(version, negotiation).use { s ->
            assertTrue(s.capabilities.valueFormat.uuids, "negotiated ${s.capabilities.version}")
            val u = UUID.fromString("550e8400-e29b-41d4-a716-446655440000")
            val row = s.query(
                "CYPHER 25 RETURN \$u AS p, uuid('550e8400-e29b-41d4-a716-446655440000') AS f, toString(\$u) AS s, [\$u] AS l",
                mapOf("u" to UuidValue(u)),
            ).single()
            assertEquals(UuidValue(u), row["p"])
            assertEquals(UuidValue(u), row["f"], "Cypher's uuid() function returns the UUID type")
            assertEquals(StringValue("550e8400-e29b-41d4-a716-446655440000"), row["s"])
            assertEquals(ListValue(listOf(UuidValue(u))), row["l"])
            assertRoundTrip(s, UuidValue(UUID(Long.MIN_VALUE, -1L)), "extreme bits")
        }
    }

    private fun assertRoundTrip(s: RawBoltSession, value: Value, name: String) {
        val back = s.query("RETURN \$p AS p", mapOf("p" to value)).single()["p"]
        assertEquals(value, back, "parameter round trip of $name")
    }

    companion object {
        @JvmStatic
        fun cases(): List<Arguments> = Neo4jVersion.entries.flatMap { v -> Negotiation.entries.map { Arguments.of(v, it) } }

        @JvmStatic
        fun boltSixCases(): List<Arguments> = listOf(Arguments.of(Neo4jVersion.CALVER_2026, Negotiation.HIGHEST))
    }
}

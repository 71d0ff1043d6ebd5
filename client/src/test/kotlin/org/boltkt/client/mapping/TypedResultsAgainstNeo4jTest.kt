@file:UseSerializers(
    LocalDateSerializer::class, LocalTimeSerializer::class, LocalDateTimeSerializer::class, OffsetTimeSerializer::class,
    ZonedDateTimeSerializer::class, OffsetDateTimeSerializer::class, InstantSerializer::class, JavaDurationSerializer::class,
    PeriodSerializer::class, UuidSerializer::class,
)

package org.boltkt.client.mapping

import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.UseSerializers
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ResultMappingException
import org.boltkt.client.it.withDriver
import org.boltkt.client.record.getBoolean
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getUuid
import org.boltkt.client.value.parametersOf
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.OffsetTime
import java.time.Period
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.util.UUID
import kotlin.uuid.Uuid
import kotlin.uuid.toKotlinUuid
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.seconds

@Serializable
data class Everything(
    val bool: Boolean,
    val int: Long,
    val small: Int,
    val float: Double,
    val string: String,
    val bytes: ByteArray,
    val list: List<Long>,
    val strings: Set<String>,
    val map: Map<String, Long>,
    val nested: Movie,
    val nothing: String?,
    val genre: Genre,
    val title: Title,
    val date: LocalDate,
    val localTime: LocalTime,
    val time: OffsetTime,
    val localDateTime: LocalDateTime,
    val dateTimeOffset: OffsetDateTime,
    val dateTimeZone: ZonedDateTime,
    val instant: Instant,
    val javaDuration: java.time.Duration,
    val period: Period,
    val kotlinDuration: kotlin.time.Duration,
    val cypherDuration: CypherDuration,
    val point2d: CypherPoint,
    val point3d: CypherPoint,
    val uuid: UUID,
    val node: Person,
    val relationship: Knows,
    val path: PathOf,
    val defaulted: String = "default",
)

@Serializable
data class Vectors(val f32: FloatArray, val i8: LongArray, val f64: List<Double>)

@Serializable
data class UuidRow(val id: UUID, val text: UUID, val ids: List<UUID>)

@Serializable
data class MovieRow(val title: String, val released: Long)

@Serializable
data class UuidParam(val id: UUID, val kid: Uuid, val name: String)

@Serializable
data class UuidBack(val id: UUID, val kid: Uuid, val same: Boolean)

/** Typed results against real Neo4j 5.26 and 2026.x: every Cypher type into Kotlin classes, errors, and the streaming rules. */
class TypedResultsAgainstNeo4jTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `every Cypher type maps into a Kotlin class`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        driver.session().use { session ->
            val query = """
                CREATE p = (a:Person:BoltktTyped {name: 'Ann', born: 1970})-[k:KNOWS {since: 2001}]->(b:Person:BoltktTyped {name: 'Bob'})
                RETURN true AS bool, -9223372036854775807 - 1 AS int, 7 AS small, 1.5e300 AS float, 'ünïcødé ✓' AS string,
                  ${'$'}bytes AS bytes, [1, 2, 3] AS list, ['a', 'b', 'a'] AS strings, {x: 1, y: 2} AS map,
                  {title: 'Matrix', released: 1999, extra: true} AS nested, null AS nothing, 'sci-fi' AS genre, 'T' AS title,
                  date('1999-12-31') AS date, localtime('01:02:03.000000004') AS localTime, time('01:02:03.999999999-03:00') AS time,
                  localdatetime('2000-01-01T00:00:00.000000001') AS localDateTime,
                  datetime('2020-05-17T08:09:10.000000011-09:30') AS dateTimeOffset,
                  datetime({year: 2020, month: 5, day: 17, hour: 8, timezone: 'Asia/Kolkata'}) AS dateTimeZone,
                  datetime('2020-05-17T08:09:10Z') AS instant, duration('P1DT2H') AS javaDuration, duration('P1Y2M3D') AS period,
                  duration('PT2H') AS kotlinDuration, duration('P13M40DT100000.000000005S') AS cypherDuration,
                  point({srid: 4326, x: 13.4, y: 52.5}) AS point2d, point({x: 1.0, y: 2.0, z: 3.0}) AS point3d,
                  '6f1c6a1e-8c7d-4a8e-9d0b-0a0b0c0d0e0f' AS uuid, a AS node, k AS relationship, p AS path,
                  'ignored' AS notAProperty
            """.trimIndent()
            val tx = session.beginTransaction()
            val e = tx.run(query, mapOf("bytes" to byteArrayOf(0, 1, -1, 127))).single<Everything>()
            tx.rollback()
            assertEquals(true, e.bool)
            assertEquals(Long.MIN_VALUE, e.int)
            assertEquals(7, e.small)
            assertEquals(1.5e300, e.float)
            assertEquals("ünïcødé ✓", e.string)
            assertArrayEquals(byteArrayOf(0, 1, -1, 127), e.bytes)
            assertEquals(listOf(1L, 2L, 3L), e.list)
            assertEquals(setOf("a", "b"), e.strings)
            assertEquals(mapOf("x" to 1L, "y" to 2L), e.map)
            assertEquals(Movie("Matrix", 1999), e.nested)
            assertNull(e.nothing)
            assertEquals(Genre.SCIFI, e.genre)
            assertEquals(Title("T"), e.title)
            assertEquals(LocalDate.of(1999, 12, 31), e.date)
            assertEquals(LocalTime.of(1, 2, 3, 4), e.localTime)
            assertEquals(OffsetTime.of(1, 2, 3, 999_999_999, ZoneOffset.ofHours(-3)), e.time)
            assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1), e.localDateTime)
            assertEquals(OffsetDateTime.of(2020, 5, 17, 8, 9, 10, 11, ZoneOffset.ofHoursMinutes(-9, -30)), e.dateTimeOffset)
            assertEquals(ZonedDateTime.of(2020, 5, 17, 8, 0, 0, 0, ZoneId.of("Asia/Kolkata")), e.dateTimeZone)
            assertEquals(Instant.parse("2020-05-17T08:09:10Z"), e.instant)
            assertEquals(java.time.Duration.ofHours(26), e.javaDuration)
            assertEquals(Period.of(0, 14, 3), e.period)
            assertEquals(2.hours, e.kotlinDuration)
            assertEquals(CypherDuration(13, 40, 100_000, 5), e.cypherDuration)
            assertEquals(CypherPoint(4326, 13.4, 52.5), e.point2d)
            assertEquals(CypherPoint(9157, 1.0, 2.0, 3.0), e.point3d)
            assertEquals(UUID.fromString("6f1c6a1e-8c7d-4a8e-9d0b-0a0b0c0d0e0f"), e.uuid)
            assertEquals("Ann", e.node.name)
            assertEquals(1970, e.node.born)
            assertEquals(listOf("BoltktTyped", "Person"), e.node.labels.sorted())
            assertTrue(e.node.id.isNotEmpty())
            assertEquals("KNOWS", e.relationship.type)
            assertEquals(2001, e.relationship.since)
            assertEquals(listOf("Ann", "Bob"), e.path.nodes.map { it.name })
            assertEquals(listOf(2001), e.path.relationships.map { it.since })
            assertEquals("default", e.defaulted)
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `vectors map into arrays and lists on Bolt 6`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val bolt = driver.serverInfo().protocolVersion
        assumeTrue(bolt.major >= 6, "vectors need Bolt 6 (Neo4j 2025.10+); this server negotiated Bolt $bolt")
        val v = driver.session().use { session ->
            session.run(
                "CYPHER 25 RETURN vector([1.5, 2.5], 2, FLOAT32) AS f32, vector([1, -2, 3], 3, INTEGER8) AS i8, vector([1.5, 2.5], 2, FLOAT64) AS f64",
            ).single<Vectors>()
        }
        assertEquals(listOf(1.5f, 2.5f), v.f32.toList())
        assertEquals(listOf(1L, -2L, 3L), v.i8.toList())
        assertEquals(listOf(1.5, 2.5), v.f64)
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `Bolt 6_1 UUID values map into java_util_UUID on both paths`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val bolt = driver.serverInfo().protocolVersion
        assumeTrue(bolt.major > 6 || (bolt.major == 6 && bolt.minor >= 1), "UUID values need Bolt 6.1 (Neo4j 2026.x); this server negotiated Bolt $bolt")
        val u = UUID.fromString("550e8400-e29b-41d4-a716-446655440000")
        val query = "CYPHER 25 RETURN uuid('$u') AS id, '$u' AS text, [uuid('$u'), uuid('$u')] AS ids"
        driver.session().use { session ->
            val fromBytes = session.run(query).single<UuidRow>()
            val fromValues = session.run(query).single().decode<UuidRow>()
            assertEquals(UuidRow(u, u, listOf(u, u)), fromBytes)
            assertEquals(fromBytes, fromValues)
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `UUIDs inside parameter objects are UUID values on Bolt 6_1 and refused before sending on older versions`(version: Neo4jVersion) =
        withDriver(version) { driver, _ ->
            val bolt = driver.serverInfo().protocolVersion
            val u = UUID.fromString("550e8400-e29b-41d4-a716-446655440000")
            val k = UUID.fromString("6f1c6a1e-8c7d-4a8e-9d0b-0a0b0c0d0e0f")
            val p = UuidParam(u, k.toKotlinUuid(), "x")
            driver.session().use { session ->
                if (bolt.major > 6 || (bolt.major == 6 && bolt.minor >= 1)) {
                    val query = "CYPHER 25 RETURN \$p.id AS id, \$p.kid AS kid, \$p.id = uuid('$u') AS same"
                    val row = session.run(query, parametersOf("p", p)).single()
                    assertEquals(u, row.getUuid("id"))
                    assertEquals(k, row.getUuid("kid"))
                    assertTrue(row.getBoolean("same"), "the server compares the parameter as a UUID, not as text")
                    assertEquals(UuidBack(u, k.toKotlinUuid(), true), session.run(query, parametersOf("p", p)).single<UuidBack>())
                    val ids = session.run("UNWIND \$batch AS b RETURN b.id AS id", parametersOf("batch", listOf(p, p))).list()
                    assertEquals(listOf(u, u), ids.map { it.getUuid("id") })
                } else {
                    val e = assertThrows(ClientException::class.java) { runBlocking { session.run("RETURN \$p.id AS id", parametersOf("p", p)).consume() } }
                    assertTrue(e.message!!.contains("parameter 'p.id': UUID values need Bolt 6.1 or later"), e.message)
                    assertTrue(!e.isRetryable)
                }
                assertEquals(1L, session.run("RETURN 1 AS one").single().getLong("one"), "the session goes on")
            }
        }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `the issue's example streams typed rows from a real server`(version: Neo4jVersion) = withDriver(version, { fetchSize = 3 }) { driver, _ ->
        driver.session().use { session ->
            val tx = session.beginTransaction()
            tx.run("UNWIND range(1, 10) AS i CREATE (:Movie:BoltktTyped {title: 'm' + i, released: 1990 + i})").consume()
            val seen = ArrayList<MovieRow>()
            tx.run("MATCH (m:Movie:BoltktTyped) RETURN m.title AS title, m.released AS released ORDER BY released")
                .records<MovieRow>().collect { seen += it }
            assertEquals((1..10).map { MovieRow("m$it", 1990L + it) }, seen)
            // One column holding a node maps the node.
            assertEquals(10, tx.run("MATCH (m:Movie:BoltktTyped) RETURN m").list<Movie>().size)
            tx.rollback()
        }
        val eager = driver.executeQuery<MovieRow>("UNWIND range(1, 4) AS i RETURN 'm' + i AS title, i AS released")
        assertEquals(listOf("title", "released"), eager.keys)
        assertEquals((1..4).map { MovieRow("m$it", it.toLong()) }, eager.records)
        assertEquals(0, driver.metrics().sumOf { it.inUse })
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `a row that does not fit fails with the named error and the rest of the result and the session stay usable`(version: Neo4jVersion) =
        withDriver(version, { fetchSize = 2 }) { driver, _ ->
            driver.session().use { session ->
                val result = session.run("UNWIND [1, 2, 'three', 4, null, 6] AS v RETURN v")
                val seen = ArrayList<Any?>()
                repeat(6) {
                    try {
                        seen += result.next<Long>()
                    } catch (e: ResultMappingException) {
                        seen += "${e.column}:${e.receivedType}:${e.declaredType}"
                    }
                }
                assertEquals(listOf<Any?>(1L, 2L, "v:STRING:kotlin.Long", 4L, "v:NULL:kotlin.Long", 6L), seen)
                assertNull(result.next<Long>())

                // A Flow ends with the error; the rest of the result is discarded and the session goes on.
                val flow = session.run("UNWIND range(1, 1000) AS i RETURN i AS title, i AS released")
                val error = assertThrows(ResultMappingException::class.java) { runBlocking { flow.records<MovieRow>().toList() } }
                assertEquals("title", error.column)
                assertEquals("INTEGER", error.receivedType)
                assertEquals("title", error.property)
                assertEquals("kotlin.String", error.declaredType)
                assertTrue(error.message!!.contains("declare the property"), error.message)
                assertEquals(42L, session.run("RETURN 42 AS n").single<Long>())

                // A missing column names what to return.
                val missing = assertThrows(ResultMappingException::class.java) { runBlocking { session.run("RETURN 'x' AS title").single<MovieRow>() } }
                assertEquals("MISSING", missing.receivedType)
                assertEquals("released", missing.property)
            }
            assertEquals(0, driver.metrics().sumOf { it.inUse })
        }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `rows already received as values map too, and a result is read as one type`(version: Neo4jVersion) =
        withDriver(version, { fetchSize = 4 }) { driver, _ ->
            driver.session().use { session ->
                val result = session.run("UNWIND range(1, 10) AS i RETURN i")
                assertEquals(1L, result.peek()!!.getLong("i"))
                assertEquals((1L..10L).toList(), result.list<Long>())

                val mixed = session.run("UNWIND range(1, 10) AS i RETURN i")
                assertEquals(1L, mixed.next<Long>())
                assertThrows(ClientException::class.java) { runBlocking { mixed.next() } }
                assertEquals(2L, mixed.nextIfReady<Long>() ?: mixed.next<Long>())
                mixed.consume()
            }
        }
}

package org.boltkt.client.it

import kotlinx.coroutines.flow.count
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import org.boltkt.client.TransactionConfig
import org.boltkt.client.error.AuthenticationException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ResultConsumedException
import org.boltkt.client.error.ResultNotSingleException
import org.boltkt.client.use
import org.boltkt.client.record.*
import org.boltkt.client.value.Values
import org.boltkt.client.value.asObject
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.BoltDriver
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetTime
import java.time.ZoneId
import java.time.ZoneOffset
import java.time.ZonedDateTime
import kotlin.time.Duration.Companion.seconds

/** The driver's public API end to end against real Neo4j 5.26 and 2026.x. */
class DriverQueriesTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `connectivity, server info and capabilities`(version: Neo4jVersion) = withDriver(version) { driver, server ->
        driver.verifyConnectivity()
        val info = driver.serverInfo()
        assertTrue(info.agent!!.startsWith("Neo4j/${server.serverVersion.substringBefore('.')}"), "agent ${info.agent}")
        assertEquals("${server.host}:${server.port}", info.address)
        assertTrue(driver.supportsMultiDb())
        assertTrue(driver.supportsSessionAuth())
        assertTrue(driver.verifyAuthentication())
        assertFalse(driver.verifyAuthentication(AuthTokens.basic("neo4j", "wrong-password")))
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `the address resolver maps the URI's host to the servers to try, in order`(version: Neo4jVersion) {
        val server = neo4jServerOrSkip(version)
        val asked = mutableListOf<org.boltkt.client.transport.ServerAddress>()
        kotlinx.coroutines.runBlocking {
            val driver = BoltDriver("bolt://boltkt-resolved.invalid:1234", AuthTokens.basic(server.user, server.password)) {
                resolver = { address ->
                    asked += address
                    // A closed loopback port first: the driver must fall through to the real server.
                    listOf(org.boltkt.client.transport.ServerAddress("127.0.0.1", 1), org.boltkt.client.transport.ServerAddress(server.host, server.port))
                }
            }
            try {
                driver.verifyConnectivity()
                assertEquals(listOf(org.boltkt.client.transport.ServerAddress("boltkt-resolved.invalid", 1234)), asked)
            } finally {
                driver.close()
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `a wrong password is an authentication error`(version: Neo4jVersion) {
        val server = neo4jServerOrSkip(version)
        kotlinx.coroutines.runBlocking {
            val driver = BoltDriver(server.boltUri.toString(), AuthTokens.basic("neo4j", "not-the-password"))
            try {
                val error = assertThrows(AuthenticationException::class.java) { kotlinx.coroutines.runBlocking { driver.verifyConnectivity() } }
                assertTrue(error.code!!.contains("Unauthorized"), error.code)
                assertEquals(listOf(0), driver.metrics().map { it.inUse })
            } finally {
                driver.close()
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `create, read, update and delete`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val tag = "crud-$version"
        driver.session().use { session ->
            session.run("CREATE (:BoltktCrud {tag: \$tag, name: 'Ann', n: 1})", mapOf("tag" to tag)).consume()
            val created = session.run("MATCH (p:BoltktCrud {tag: \$tag}) RETURN p.name AS name, p.n AS n", mapOf("tag" to tag)).single()
            assertEquals("Ann", created.getString("name"))
            assertEquals(1L, created.getLong("n"))
            val updated = session.run("MATCH (p:BoltktCrud {tag: \$tag}) SET p.n = p.n + 41 RETURN p.n AS n", mapOf("tag" to tag)).single()
            assertEquals(42L, updated.getLong("n"))
            val summary = session.run("MATCH (p:BoltktCrud {tag: \$tag}) DETACH DELETE p", mapOf("tag" to tag)).consume()
            assertEquals(1, summary.counters.nodesDeleted)
            assertNull(session.run("MATCH (p:BoltktCrud {tag: \$tag}) RETURN p", mapOf("tag" to tag)).singleOrNull())
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `every Cypher type round-trips as parameter and result`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val natives: Map<String, Any?> = mapOf(
            "null" to null, "bool" to true, "int" to Long.MIN_VALUE, "small" to 7, "float" to 1.5e300, "string" to "ünïcødé ✓",
            "bytes" to byteArrayOf(0, 1, -1, 127), "list" to listOf(1L, "two", listOf(3.0)), "map" to mapOf("k" to mapOf("n" to 1L)),
            "date" to LocalDate.of(1999, 12, 31), "localTime" to LocalTime.of(1, 2, 3, 4),
            "time" to OffsetTime.of(1, 2, 3, 999_999_999, ZoneOffset.ofHours(-3)),
            "localDateTime" to LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1),
            "dateTimeOffset" to ZonedDateTime.of(2020, 5, 17, 8, 9, 10, 11, ZoneOffset.ofHoursMinutes(-9, -30)),
            "dateTimeZone" to ZonedDateTime.of(2020, 5, 17, 8, 9, 10, 11, ZoneId.of("Asia/Kolkata")),
            "duration" to DurationValue(months = 13, days = 40, seconds = 100_000, nanos = 5),
            "point2d" to Point2DValue(4326, 13.4, 52.5), "point3d" to Point3DValue(9157, 1.0, 2.0, 3.0),
        )
        driver.session().use { session ->
            for ((name, native) in natives) {
                val record = session.run("RETURN \$p AS p", mapOf("p" to native)).single()
                assertEquals(Values.of(native), record["p"], "round trip of $name")
            }
            assertArrayEquals(byteArrayOf(0, 1, -1, 127), session.run("RETURN \$b AS b", mapOf("b" to byteArrayOf(0, 1, -1, 127))).single().getBytes("b"))
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `results stream as a Flow and are one-shot`(version: Neo4jVersion) = withDriver(version, { fetchSize = 7 }) { driver, _ ->
        driver.session().use { session ->
            val result = session.run("UNWIND range(1, 100) AS i RETURN i")
            assertEquals(listOf("i"), result.keys)
            val evens = result.records().map { it.getLong("i") }.filter { it % 2 == 0L }.toList()
            assertEquals((2L..100L step 2).toList(), evens)
            assertThrows(ResultConsumedException::class.java) { kotlinx.coroutines.runBlocking { result.records().count() } }
            val summary = result.consume()
            assertEquals("r", summary.queryType?.code ?: "r")

            val early = session.run("UNWIND range(1, 1000) AS i RETURN i")
            assertEquals(listOf(1L, 2L, 3L), early.records().take(3).map { it.getLong("i") }.toList())
            assertEquals(42L, session.run("RETURN 42 AS n").single().getLong("n"))

            val two = session.run("UNWIND [1, 2] AS i RETURN i")
            assertThrows(ResultNotSingleException::class.java) { kotlinx.coroutines.runBlocking { two.single() } }
            val pending = session.run("UNWIND range(1, 50) AS i RETURN i")
            assertEquals(1L, pending.next()!!.getLong("i"))
            session.run("RETURN 1").consume()
            // the later run read the rest of the previous auto-commit result into memory: it is still readable
            assertEquals((2L..50L).toList(), pending.list().map { it.getLong("i") })
        }
        assertEquals(0, driver.metrics().sumOf { it.inUse })
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `nested queries in a transaction read the outer result by its qid`(version: Neo4jVersion) = withDriver(version, { fetchSize = 2 }) { driver, _ ->
        val pairs = driver.session().use { session ->
            val tx = session.beginTransaction()
            val outer = tx.run("UNWIND range(1, 5) AS i RETURN i")
            val seen = ArrayList<Pair<Long, Long>>()
            while (true) {
                val i = outer.next()?.getLong("i") ?: break
                seen += i to tx.run("RETURN \$i * 10 AS j", mapOf("i" to i)).single().getLong("j")
            }
            tx.commit()
            seen
        }
        assertEquals((1L..5L).map { it to it * 10 }, pairs)
        assertEquals(0, driver.metrics().sumOf { it.inUse })
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `explicit transactions commit, roll back and carry metadata and timeout`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val tag = "tx-$version"
        driver.session().use { session ->
            val tx = session.beginTransaction(TransactionConfig(timeout = 30.seconds, metadata = mapOf("app" to "boltkt-tests")))
            tx.run("CREATE (:BoltktTx {tag: \$tag, v: 'committed'})", mapOf("tag" to tag)).consume()
            val meta = tx.run("SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN metaData").single()
            assertEquals(mapOf("app" to "boltkt-tests"), meta["metaData"].asObject())
            tx.commit()
            assertFalse(tx.isOpen)
            assertThrows(ClientException::class.java) { kotlinx.coroutines.runBlocking { tx.run("RETURN 1") } }

            val rolledBack = session.beginTransaction()
            rolledBack.run("CREATE (:BoltktTx {tag: \$tag, v: 'rolled back'})", mapOf("tag" to tag)).consume()
            rolledBack.rollback()

            val failing = session.beginTransaction()
            assertThrows(ClientException::class.java) { kotlinx.coroutines.runBlocking { failing.run("THIS IS NOT CYPHER").consume() } }
            assertThrows(ClientException::class.java) { kotlinx.coroutines.runBlocking { failing.run("RETURN 1") } }
            failing.close()

            val values = session.run("MATCH (n:BoltktTx {tag: \$tag}) RETURN n.v AS v", mapOf("tag" to tag)).list().map { it.getString("v") }
            assertEquals(listOf("committed"), values)
            session.run("MATCH (n:BoltktTx {tag: \$tag}) DELETE n", mapOf("tag" to tag)).consume()
        }
        assertEquals(0, driver.metrics().sumOf { it.inUse })
    }
}

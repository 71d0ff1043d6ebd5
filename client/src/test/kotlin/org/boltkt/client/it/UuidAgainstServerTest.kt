package org.boltkt.client.it

import kotlinx.coroutines.flow.toList
import org.boltkt.client.error.ClientException
import org.boltkt.client.record.getBoolean
import org.boltkt.client.record.getList
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getMap
import org.boltkt.client.record.getString
import org.boltkt.client.record.getUuid
import org.boltkt.client.use
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.util.UUID

/** Neo4j's UUID type end to end: 2026.x negotiates Bolt 6.1 and stores and returns UUIDs; 5.26 (Bolt 5.8) cannot. */
class UuidAgainstServerTest {
    @Test
    fun `2026 negotiates Bolt 6_1`() = withDriver(Neo4jVersion.CALVER_2026) { driver, _ ->
        assertEquals(BoltVersion.V6_1, driver.serverInfo().protocolVersion)
    }

    /**
     * Storing a UUID property needs the block store format; the test servers are Community edition, whose only
     * format is aligned, and the server refuses the write with a client error. The driver's side (a UUID sent in
     * a map, returned inside one, compared by the server) is checked without storing.
     */
    @Test
    fun `a UUID parameter travels in maps and lists and is compared by the server, and Community refuses to store it`() =
        withDriver(Neo4jVersion.CALVER_2026) { driver, _ ->
            val id = UUID.randomUUID()
            driver.session().use { session ->
                val row = session.run(
                    "WITH {id: \$id, tag: 'x'} AS m RETURN m, m.id AS id, toString(m.id) AS text, m.id = \$id AS same",
                    mapOf("id" to id),
                ).single()
                assertEquals(id, row.getUuid("id"))
                assertEquals(UuidValue(id), row.getMap("m")["id"])
                assertEquals(id.toString(), row.getString("text"))
                assertTrue(row.getBoolean("same"), "the server compares the parameter as a UUID")
                val refused = runCatching { session.run("CREATE (n:BoltktUuid {id: \$id}) RETURN n", mapOf("id" to id)).consume() }
                    .exceptionOrNull()
                assertTrue(refused is ClientException && refused.message!!.contains("aligned store format"), "refusal: $refused")
                assertEquals(1L, session.run("RETURN 1 AS one").single().getLong("one"), "the session goes on")
            }
        }

    @Test
    fun `Cypher's uuid function returns the UUID type, and UUIDs are matched by value`() =
        withDriver(Neo4jVersion.CALVER_2026) { driver, _ ->
            val text = "550e8400-e29b-41d4-a716-446655440000"
            driver.session().use { session ->
                val row = session.run(
                    "CYPHER 25 WITH uuid(\$text) AS u RETURN u, u = \$u AS same, [x IN [\$u, \$other] WHERE x = u | x] AS hits",
                    mapOf("text" to text, "u" to UUID.fromString(text), "other" to UUID.randomUUID()),
                ).single()
                assertEquals(UUID.fromString(text), row.getUuid("u"))
                assertTrue(row.getBoolean("same"))
                assertEquals(listOf(UuidValue(UUID.fromString(text))), row.getList("hits"))
                val many = session.run("UNWIND range(1, 3) AS i RETURN \$u AS u", mapOf("u" to UUID.fromString(text))).records().toList()
                assertEquals(List(3) { UUID.fromString(text) }, many.map { it.getUuid("u") })
            }
        }

    @Test
    fun `on 5_26 a UUID parameter fails before sending with a client error naming the fix, and the session goes on`() {
        withDriver(Neo4jVersion.LTS_5_26) { driver, _ ->
            assertEquals(BoltVersion.V5_8, driver.serverInfo().protocolVersion)
            driver.session().use { session ->
                val error = runCatching { session.run("RETURN \$u AS u", mapOf("u" to UUID.randomUUID())).consume() }.exceptionOrNull()
                assertTrue(error is ClientException, "expected a ClientException, got $error")
                error as ClientException
                assertFalse(error.isRetryable)
                assertTrue(error.message!!.contains("on Bolt 5.8"), error.message)
                assertTrue(error.message!!.contains("UUID values need Bolt 6.1 or later"), error.message)
                assertTrue(error.message!!.contains("toString()"), error.message)
                assertEquals(1L, session.run("RETURN 1 AS one").single().getLong("one"))
            }
        }
    }
}

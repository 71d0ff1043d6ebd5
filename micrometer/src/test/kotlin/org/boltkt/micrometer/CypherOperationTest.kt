package org.boltkt.micrometer

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** `db.operation.name`: the first Cypher clause, from a fixed list, or nothing. */
class CypherOperationTest {
    @Test
    fun `the first clause names the operation`() {
        val cases = mapOf(
            "MATCH (n) RETURN n" to "MATCH",
            "  optional match (n) return n" to "OPTIONAL MATCH",
            "CREATE (n)" to "CREATE",
            "MERGE (n:A {id: 1})" to "MERGE",
            "UNWIND \$rows AS r CREATE (n)" to "UNWIND",
            "CALL db.labels()" to "CALL",
            "RETURN 1" to "RETURN",
            "DETACH DELETE n" to "DETACH DELETE",
            "LOAD CSV FROM 'x' AS l RETURN l" to "LOAD CSV",
            "SHOW DATABASES" to "SHOW",
            "EXPLAIN MATCH (n) RETURN n" to "MATCH",
            "PROFILE CREATE (n)" to "CREATE",
            "CYPHER 5 MATCH (n) RETURN n" to "MATCH",
            "CYPHER runtime=slotted MATCH (n) RETURN n" to "MATCH",
            "USE movies MATCH (n) RETURN n" to "MATCH",
            "USE composite.movies MATCH (n) RETURN n" to "MATCH",
            "// a comment\nMATCH (n) RETURN n" to "MATCH",
            "/* a\ncomment */ CREATE (n)" to "CREATE",
        )
        cases.forEach { (query, operation) -> assertEquals(operation, CypherOperation.of(query), query) }
    }

    @Test
    fun `anything else has no operation name`() {
        listOf("", "   ", "{ not cypher }", "FOO BAR", "(n)").forEach { assertEquals(null, CypherOperation.of(it), it) }
    }
}

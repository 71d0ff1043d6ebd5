package org.boltkt.client.summary

import org.boltkt.client.value.Values
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.version.BoltVersion

/** Metadata maps shaped like those real servers send, built as protocol [Value]s. */
internal object SummaryFixtures {
    fun meta(vararg pairs: Pair<String, Any?>): Map<String, Value> = Values.parameters(*pairs)

    val neo4j526 = ServerInfo("localhost:7687", "Neo4j/5.26.30", BoltVersion(5, 8))
    val neo4j44 = ServerInfo("localhost:7687", "Neo4j/4.4.40", BoltVersion(4, 4))
    val memgraph = ServerInfo("localhost:7688", "Neo4j/v5.11.0 compatible graph database server - Memgraph", BoltVersion(5, 2))

    fun inputs(server: ServerInfo, run: Map<String, Value>, fin: Map<String, Value>, hadRecords: Boolean, query: String = "RETURN 1") =
        SummaryInputs(query, meta("x" to 1), server, run, fin, hadRecords)

    /** PROFILE MATCH (n:Person) RETURN n on Neo4j 5.26 (pipelined runtime). */
    val profile = mapOf(
        "operatorType" to "ProduceResults@neo4j",
        "identifiers" to listOf("n"),
        "args" to mapOf("Details" to "n", "EstimatedRows" to 10.0, "planner" to "COST", "runtime" to "PIPELINED", "Memory" to 0),
        "dbHits" to 0, "rows" to 3, "pageCacheHits" to 2, "pageCacheMisses" to 1, "pageCacheHitRatio" to 0.6666, "time" to 12345,
        "children" to listOf(
            mapOf(
                "operatorType" to "NodeByLabelScan@neo4j",
                "identifiers" to listOf("n"),
                "args" to mapOf("Details" to "n:Person", "EstimatedRows" to 10.0),
                "dbHits" to 4, "rows" to 3, "pageCacheHits" to 1, "pageCacheMisses" to 0, "pageCacheHitRatio" to 1.0, "time" to 0,
                "children" to emptyList<Any>(),
            ),
        ),
    )

    /** A 5.6+ status for a cartesian-product notification, diagnostic record complete. */
    val cartesianStatus = mapOf(
        "gql_status" to "03N90",
        "status_description" to "info: cartesian product. The disconnected patterns `(a:A), (b:B)` build a cartesian product.",
        "neo4j_code" to "Neo.ClientNotification.Statement.CartesianProduct",
        "title" to "This query builds a cartesian product between disconnected patterns.",
        "description" to "If a part of a query contains multiple disconnected patterns, this will build a cartesian product.",
        "diagnostic_record" to mapOf(
            "OPERATION" to "", "OPERATION_CODE" to "0", "CURRENT_SCHEMA" to "/",
            "_classification" to "PERFORMANCE", "_severity" to "INFORMATION",
            "_position" to mapOf("offset" to 6, "line" to 1, "column" to 7),
            "_status_parameters" to mapOf("pat" to "(a:A), (b:B)"),
        ),
    )
}

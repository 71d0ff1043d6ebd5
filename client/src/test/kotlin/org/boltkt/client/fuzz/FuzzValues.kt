package org.boltkt.client.fuzz

import com.code_intelligence.jazzer.api.FuzzedDataProvider
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.BytesValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.UnknownStructValue
import org.boltkt.protocol.value.Value

/**
 * Bolt values drawn from fuzz input, shaped like server metadata: map keys and strings come mostly from the
 * dictionary of names the driver's parsers look for (so coverage reaches past "key missing"), sometimes from the
 * input itself; nesting is as deep as the input pays for. Deterministic for a given input.
 */
internal class FuzzValues(private val data: FuzzedDataProvider) {
    fun value(depth: Int = 0): Value = when (data.consumeInt(0, if (depth >= MAX_DEPTH) 6 else 9)) {
        0 -> NullValue
        1 -> BooleanValue(data.consumeBoolean())
        2 -> IntegerValue(if (data.consumeBoolean()) data.consumeLong(-2, 100) else data.consumeLong())
        3 -> FloatValue(data.consumeDouble())
        4 -> StringValue(if (data.consumeBoolean()) pick(STRINGS) else data.consumeString(24))
        5 -> StringValue(pick(KEYS))
        6 -> BytesValue(data.consumeBytes(8))
        7 -> ListValue(List(data.consumeInt(0, 5)) { value(depth + 1) })
        8 -> MapValue(map(depth + 1))
        else -> UnknownStructValue(data.consumeInt(0, 0x7F), List(data.consumeInt(0, 3)) { value(depth + 1) })
    }

    fun map(depth: Int = 0, size: Int = data.consumeInt(0, 8)): Map<String, Value> {
        val m = LinkedHashMap<String, Value>()
        repeat(size) { m[key()] = value(depth) }
        return m
    }

    private fun key(): String = if (data.consumeInt(0, 15) == 0) data.consumeString(12) else pick(KEYS)

    private fun pick(from: List<String>): String = from[data.consumeInt(0, from.lastIndex)]

    companion object {
        const val MAX_DEPTH = 40

        /** Metadata keys of RUN/PULL/HELLO answers, summary parts (stats, plans, notifications, statuses) and routing tables. */
        val KEYS = listOf(
            "type", "stats", "plan", "profile", "notifications", "statuses", "t_first", "t_last", "db", "fields", "qid",
            "bookmark", "has_more", "server", "connection_id", "hints", "connection.recv_timeout_seconds",
            "telemetry.enabled", "ssr.enabled", "patch_bolt", "nodes-created", "nodes-deleted", "relationships-created",
            "relationships-deleted", "properties-set", "labels-added", "labels-removed", "indexes-added", "indexes-removed",
            "constraints-added", "constraints-removed", "system-updates", "contains-updates", "contains-system-updates",
            "operatorType", "args", "identifiers", "children", "dbHits", "rows", "pageCacheHits", "pageCacheMisses",
            "pageCacheHitRatio", "time", "code", "title", "description", "severity", "position", "offset", "line",
            "column", "category", "gql_status", "status_description", "diagnostic_record", "_classification",
            "_severity", "_position", "_status_parameters", "neo4j_code", "message", "cause", "rt", "ttl", "servers",
            "role", "addresses",
        )

        val STRINGS = listOf(
            "r", "w", "rw", "s", "READ", "WRITE", "ROUTE", "read", "", " ", "neo4j", "system", "localhost:7687",
            "127.0.0.1:7687", "[::1]:7687", "host", "host:99999", ":7687", "host:-1", "[::1", "a b:1", "WARNING",
            "INFORMATION", "OFF", "UNKNOWN", "PERFORMANCE", "DEPRECATION", "HINT", "UNRECOGNIZED", "GENERIC",
            "SECURITY", "TOPOLOGY", "SCHEMA", "00000", "00001", "01N00", "02000", "03N42", "50N42",
            "Neo.ClientNotification.Statement.CartesianProduct", "Neo.ClientError.Statement.SyntaxError",
            "Neo.TransientError.General.DatabaseUnavailable", "ProduceResults@neo4j", "Filter", "Neo4j/5.26.0",
            "Memgraph/2.18", "utc",
        )
    }
}

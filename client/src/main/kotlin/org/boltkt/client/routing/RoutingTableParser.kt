package org.boltkt.client.routing

import org.boltkt.client.error.ProtocolException
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.parseAddressText
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import kotlin.time.Duration.Companion.seconds

/**
 * Reads the `rt` map of a ROUTE SUCCESS (Neo4j 4.3+ and Memgraph coordinators answer alike; [RoutingProcedure]
 * shapes the older procedure's record the same way):
 * `{ttl: seconds, db: name, servers: [{addresses: ["host:port", …], role: "ROUTE"|"READ"|"WRITE"}, …]}`.
 * Memgraph's coordinators may omit `db` (the table is then the home database's, unnamed); several entries for the same role are merged; unknown roles are ignored. A missing or
 * malformed table is a [ProtocolException].
 */
internal object RoutingTableParser {
    fun parse(
        metadata: Map<String, Value>,
        requestedDatabase: String?,
        nowNanos: Long,
        rewrite: (ServerAddress) -> ServerAddress = { it },
    ): RoutingTable {
        val rt = metadata["rt"] as? MapValue ?: throw malformed("no 'rt' map in $metadata")
        val ttl = (rt.entries["ttl"] as? IntegerValue)?.value ?: throw malformed("no integer 'ttl' in $rt")
        val named = (rt.entries["db"] as? StringValue)?.value
        val database = named ?: requestedDatabase ?: UNNAMED_HOME
        val servers = (rt.entries["servers"] as? ListValue)?.values ?: throw malformed("no 'servers' list in $rt")
        val byRole = HashMap<String, MutableList<ServerAddress>>()
        for (server in servers) {
            val entry = (server as? MapValue)?.entries ?: throw malformed("server entry $server is not a map")
            val role = (entry["role"] as? StringValue)?.value?.uppercase() ?: throw malformed("server entry $server has no role")
            val addresses = (entry["addresses"] as? ListValue)?.values ?: throw malformed("server entry $server has no addresses")
            val list = byRole.getOrPut(role) { ArrayList() }
            for (a in addresses) {
                val text = (a as? StringValue)?.value ?: throw malformed("address $a is not a string")
                val parsed = rewrite(parseAddress(text))
                if (parsed !in list) list += parsed
            }
        }
        // ttl is capped so that a huge value cannot overflow the nanosecond clock arithmetic.
        val ttlNanos = ttl.coerceIn(0, MAX_TTL_SECONDS).seconds.inWholeNanoseconds
        return RoutingTable(
            database = database,
            named = named != null || requestedDatabase != null,
            routers = byRole["ROUTE"].orEmpty(),
            readers = byRole["READ"].orEmpty(),
            writers = byRole["WRITE"].orEmpty(),
            ttlSeconds = ttl,
            expiresAtNanos = nowNanos + ttlNanos,
        )
    }

    /** `host:port`, `[v6]:port` or `host` (port 7687). */
    fun parseAddress(text: String): ServerAddress =
        parseAddressText(text) ?: throw malformed("routing table address '$text' is not host:port")

    private fun malformed(what: String) = ProtocolException("malformed routing table from the server: $what")

    /** Key of the home database's table when the router does not name it (Memgraph leaves `db` out). */
    const val UNNAMED_HOME = "\u0000home"
    private const val MAX_TTL_SECONDS = 100L * 365 * 24 * 3600
}

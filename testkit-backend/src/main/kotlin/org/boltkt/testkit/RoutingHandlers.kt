package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import org.boltkt.client.RoutingTableInfo
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.transport.ServerAddress

/**
 * `GetRoutingTable` (feature `Backend:RTFetch`) and `ForcedRoutingTableUpdate` (`Backend:RTForceUpdate`): they read
 * and refresh the routing table of a `neo4j://` driver through `Driver.routingTable` / `Driver.updateRoutingTable`.
 */
object RoutingHandlers {
    fun getRoutingTable(b: Backend, d: JsonObject) {
        val database = d.strOrNull("database")
        val table = DriverHandlers.driver(b, d).driver.routingTable(database)
        // No table held (none fetched yet, or the fetch failed): testkit expects an empty table, not an error.
        b.send("RoutingTable", table?.let(::tableJson) ?: obj("database" to database, "ttl" to 0, "routers" to emptyList<String>(), "readers" to emptyList<String>(), "writers" to emptyList<String>()))
    }

    suspend fun forcedUpdate(b: Backend, d: JsonObject) {
        val bookmarks = d.strings("bookmarks").orEmpty().map(::Bookmark).toSet()
        DriverHandlers.driver(b, d).driver.updateRoutingTable(d.strOrNull("database"), bookmarks)
        b.send("Driver", obj("id" to d.id("driverId")))
    }

    fun tableJson(t: RoutingTableInfo): JsonObject = tableJsonOf(t.database, t.ttlSeconds, t.routers, t.readers, t.writers)

    // Only the driver builds a RoutingTableInfo (its constructor is internal), so tests pass the fields.
    fun tableJsonOf(database: String?, ttlSeconds: Long, routers: List<ServerAddress>, readers: List<ServerAddress>, writers: List<ServerAddress>): JsonObject = obj(
        "database" to database,
        "ttl" to ttlSeconds,
        "routers" to routers.map { it.toString() },
        "readers" to readers.map { it.toString() },
        "writers" to writers.map { it.toString() },
    )
}

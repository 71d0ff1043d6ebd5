package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import org.boltkt.client.RoutingTableInfo
import org.boltkt.client.bookmark.Bookmark

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

    fun tableJson(t: RoutingTableInfo): JsonObject = obj(
        "database" to t.database,
        "ttl" to t.ttlSeconds,
        "routers" to t.routers.map { it.toString() },
        "readers" to t.readers.map { it.toString() },
        "writers" to t.writers.map { it.toString() },
    )
}

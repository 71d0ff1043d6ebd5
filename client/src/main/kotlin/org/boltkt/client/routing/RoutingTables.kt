package org.boltkt.client.routing

import org.boltkt.client.transport.ServerAddress
import java.util.concurrent.ConcurrentHashMap

/** The routing table of each database, replaced atomically per database. Thread-safe. */
internal class RoutingTables(private val nanoTime: () -> Long = System::nanoTime) {
    private val tables = ConcurrentHashMap<String, RoutingTable>()

    operator fun get(database: String): RoutingTable? = tables[database]

    fun put(table: RoutingTable) { tables[table.database] = table }

    fun remove(database: String) { tables.remove(database) }

    fun all(): List<RoutingTable> = tables.values.toList()

    /** [address] could not be reached: it leaves every table. */
    fun forgetEverywhere(address: ServerAddress) {
        for (db in tables.keys) tables.computeIfPresent(db) { _, t -> t.without(address) }
    }

    /** [address] failed for [database] only. */
    fun forget(database: String, address: ServerAddress) {
        tables.computeIfPresent(database) { _, t -> t.without(address) }
    }

    fun forgetWriter(database: String, address: ServerAddress) {
        tables.computeIfPresent(database) { _, t -> t.withoutWriter(address) }
    }

    /** Drops tables that expired more than [delayNanos] ago (databases nobody used since). */
    fun purgeExpired(delayNanos: Long) {
        val now = nanoTime()
        tables.entries.removeIf { now - it.value.expiresAtNanos > delayNanos }
    }

    /** Every address some table names. */
    fun addresses(): Set<ServerAddress> = tables.values.flatMapTo(HashSet()) { it.addresses }
}

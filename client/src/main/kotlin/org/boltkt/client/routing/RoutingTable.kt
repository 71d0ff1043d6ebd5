package org.boltkt.client.routing

import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.AccessMode

/**
 * One database's routing table as last learned from a router, minus the members the driver has since seen fail.
 * Immutable: every change makes a new table, so readers never see a half-applied update.
 *
 * @property database the database the table is for (the resolved name when the home database was asked for).
 * @property named false when the router did not name the home database (then it is never sent in BEGIN/RUN).
 * @property expiresAtNanos `System.nanoTime()` value after which the table must be fetched again.
 */
internal data class RoutingTable(
    val database: String,
    val named: Boolean = true,
    val routers: List<ServerAddress>,
    val readers: List<ServerAddress>,
    val writers: List<ServerAddress>,
    val ttlSeconds: Long,
    val expiresAtNanos: Long,
) {
    /** Every address the table names, in any role. */
    val addresses: Set<ServerAddress> get() = (routers + readers + writers).toSet()

    /**
     * Whether the table cannot serve [mode] without asking a router again: expired, no router left, or no member
     * for the mode. A table without writers still serves reads (a cluster mid-election).
     */
    fun isStaleFor(mode: AccessMode, nowNanos: Long): Boolean =
        isExpired(nowNanos) || routers.isEmpty() || membersFor(mode).isEmpty()

    /** Whether the table's TTL has run out at [nowNanos] (a `System.nanoTime()` value). */
    fun isExpired(nowNanos: Long): Boolean = nowNanos - expiresAtNanos >= 0

    fun membersFor(mode: AccessMode): List<ServerAddress> = if (mode == AccessMode.READ) readers else writers

    /** The table without [address] in any role (it could not be reached). */
    fun without(address: ServerAddress): RoutingTable =
        copy(routers = routers - address, readers = readers - address, writers = writers - address)

    /** The table without [address] as a writer (it said it is not the leader); it stays a router and reader. */
    fun withoutWriter(address: ServerAddress): RoutingTable = copy(writers = writers - address)

    /** The table marked expired, so the next use fetches a new one (routers and members are kept for that). */
    fun expired(nowNanos: Long): RoutingTable = copy(expiresAtNanos = nowNanos)
}

package org.boltkt.client.routing

import org.boltkt.client.error.DRIVER_CLOSED
import org.boltkt.client.pool.DirectConnectionSource
import org.boltkt.client.pool.PoolMetrics
import org.boltkt.client.transport.ServerAddress
import java.util.concurrent.ConcurrentHashMap

/**
 * One pool per cluster member, created on first use by [create]. Routing decorates these; it never shares a
 * connection between members. Thread-safe.
 */
internal class MemberPools(private val create: (ServerAddress) -> DirectConnectionSource) {
    private val pools = ConcurrentHashMap<ServerAddress, DirectConnectionSource>()
    @Volatile private var closed = false

    /** Throws [IllegalStateException] once the driver closed these pools. */
    fun ensureOpen() {
        if (closed) throw IllegalStateException(DRIVER_CLOSED)
    }

    fun get(address: ServerAddress): DirectConnectionSource {
        ensureOpen()
        return pools.computeIfAbsent(address, create)
    }

    fun existing(address: ServerAddress): DirectConnectionSource? = pools[address]

    fun inUse(address: ServerAddress): Int = pools[address]?.inUseCount ?: 0

    /**
     * Among [candidates], the member with the fewest connections in use; ties go to the earliest after [offset]
     * (a rotating start, so equally idle members share the load instead of the first taking everything).
     */
    fun leastConnected(candidates: List<ServerAddress>, offset: Int): ServerAddress {
        require(candidates.isNotEmpty())
        var best = candidates[Math.floorMod(offset, candidates.size)]
        var bestLoad = inUse(best)
        for (i in 1 until candidates.size) {
            val c = candidates[Math.floorMod(offset + i, candidates.size)]
            val load = inUse(c)
            if (load < bestLoad) { best = c; bestLoad = load }
        }
        return best
    }

    /**
     * Closes the pools of addresses outside [keep] that have no connection in use (the rest close when idle later).
     * An acquire racing the closing (a connection still opening) fails with a retryable
     * [org.boltkt.client.error.MemberPoolRetiredException], never as a closed driver.
     */
    suspend fun retainOnly(keep: Set<ServerAddress>) {
        for ((address, pool) in pools) {
            if (address !in keep && pool.inUseCount == 0 && pools.remove(address, pool)) pool.retire()
        }
    }

    fun metrics(): List<PoolMetrics> = pools.values.flatMap { it.poolMetrics() }

    suspend fun close() {
        closed = true
        while (pools.isNotEmpty()) {
            pools.keys.toList().forEach { a -> pools.remove(a)?.close() }
        }
    }
}

package org.boltkt.client.observe

import org.boltkt.client.transport.ServerAddress

/**
 * Live counts of one pool, read on demand (e.g. by a gauge). Thread-safe, never blocks; after [DriverListener.poolClosed]
 * the values are those of the closed pool (in use drops to 0 as connections come back).
 */
public interface PoolStats {
    /** Connections handed out and not yet given back. */
    public val inUse: Int

    /** Open connections waiting in the pool. */
    public val idle: Int

    /** Acquisitions that are waiting for a free place or connecting a new connection right now. */
    public val pendingAcquisitions: Int

    /** The pool's maximum size (idle + in use). */
    public val maxSize: Int
}

/** See [DriverListener.poolCreated]. [stats] stays readable for the pool's life. */
public class PoolCreated internal constructor(
    public val address: ServerAddress,
    public val stats: PoolStats,
) {
    override fun toString(): String = "PoolCreated($address)"
}

/**
 * See [DriverListener.poolClosed]. [stats] is the same object [PoolCreated.stats] gave for this pool (a new pool
 * for the same address may have been created meanwhile: compare them to tell the pools apart).
 */
public class PoolClosed internal constructor(public val address: ServerAddress, public val stats: PoolStats) {
    override fun toString(): String = "PoolClosed($address)"
}

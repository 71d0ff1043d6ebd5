package org.boltkt.client.pool

import org.boltkt.client.connection.BoltConnection
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken

/**
 * Where sessions get connections. One interface with decorators: [DirectConnectionSource] serves `bolt://` from a
 * single pool; routing (for `neo4j://`) decorates per-address pools with a routing table. Sessions never see pools.
 */
internal interface ConnectionSource {
    /**
     * A connection authenticated as [AcquireRequest.auth] (or the driver's credentials when null) and READY.
     * Must be given back with [release] exactly once. Throws public exceptions (acquisition timeout, service
     * unavailable, authentication); cancellation at any point leaks nothing.
     */
    suspend fun acquire(request: AcquireRequest): BoltConnection

    /** Gives a connection back; it is reused only when in a clean READY state. Never suspends or throws. */
    fun release(connection: BoltConnection)

    /** Per-address counts, for metrics and tests. */
    fun poolMetrics(): List<PoolMetrics>

    /** Closes every pool; later acquires fail. */
    suspend fun close()
}

/**
 * What a session needs from a connection.
 *
 * @property database target database (null = the user's home database); routing uses it to pick members.
 * @property auth session-level credentials; null means the driver's.
 */
internal data class AcquireRequest(
    val mode: AccessMode = AccessMode.WRITE,
    val database: String? = null,
    val impersonatedUser: String? = null,
    val auth: AuthToken? = null,
)

package org.boltkt.client.routing

import org.boltkt.client.pool.ConnectionLease
import org.boltkt.client.pool.AcquireRequest
import org.boltkt.client.pool.ConnectionSource
import org.boltkt.client.pool.PoolMetrics
import org.boltkt.client.transport.ServerAddress

/**
 * Connections of one cluster member only, from that member's own pool in [pools] (the pool routing uses), for
 * work that must reach a named member whatever the routing table says: the operations helpers' per-member
 * commands (`SHOW TRANSACTIONS` lists only the transactions of the server that runs it). No routing table is
 * consulted and no routing failure policy applies: a failure of the member is the caller's answer, not a reason to go
 * elsewhere. The routing source still owns the pool (it may close it once the member left every table and no
 * connection is in use); [close] is a no-op.
 */
internal class PinnedMemberSource(
    private val pools: MemberPools,
    private val address: ServerAddress,
) : ConnectionSource {
    /** The member pool's own lease: released to that pool, with its failure policy and none of routing's. */
    override suspend fun acquire(request: AcquireRequest): ConnectionLease = pools.get(address).acquire(request)

    override fun poolMetrics(): List<PoolMetrics> = pools.existing(address)?.poolMetrics().orEmpty()

    override suspend fun close() {}
}

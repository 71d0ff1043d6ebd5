package org.boltkt.client.pool

/**
 * A snapshot of one server's pool.
 *
 * @property address `host:port` of the server.
 * @property inUse connections handed out and not yet returned.
 * @property idle connections waiting in the pool.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class PoolMetrics internal constructor(public val address: String, public val inUse: Int, public val idle: Int)

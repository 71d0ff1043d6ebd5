package org.boltkt.client.pool

/**
 * A snapshot of one server's pool.
 *
 * @property address `host:port` of the server.
 * @property inUse connections handed out and not yet returned.
 * @property idle connections waiting in the pool.
 */
public data class PoolMetrics(public val address: String, public val inUse: Int, public val idle: Int)

package org.boltkt.client.session

import org.boltkt.protocol.message.PULL_ALL

/**
 * The record counts a result's PULLs ask for (see `DriverConfig.fetchSize`, `fetchAhead` and `fetchSizeGrowth`):
 * the first PULL asks for [fetchSize]; with [ahead] each later one asks for twice the one before, up to
 * `fetchSize × growth`, because a reader that keeps taking records pays a round trip and the server's per-PULL work
 * for every batch. Without [ahead] (strict batch-at-a-time backpressure) every PULL asks for [fetchSize].
 * One instance per result; not thread-safe.
 */
internal class PullSizes(fetchSize: Long, val ahead: Boolean, growth: Int) {
    private var fetchSize: Long = fetchSize
    private var last: Long = fetchSize
    private val limit: Long =
        if (!ahead || fetchSize == PULL_ALL) fetchSize
        else if (fetchSize > Long.MAX_VALUE / growth) Long.MAX_VALUE else fetchSize * growth

    /** What the first PULL (sent with RUN) asks for. */
    val first: Long = fetchSize

    /** What the next PULL asks for. */
    fun next(): Long {
        if (fetchSize == PULL_ALL) return PULL_ALL
        last = if (last > limit / 2) limit else last * 2
        return last
    }

    /** The caller wants every remaining record: PULLs from now on ask for all of them at once. */
    fun all() {
        fetchSize = PULL_ALL
    }
}

package org.boltkt.client.summary

import org.boltkt.protocol.value.Value

/**
 * What a query changed, from the `stats` map of the summary metadata. Absent counters are 0 (servers send only
 * non-zero ones; Memgraph may send none). Immutable and thread-safe.
 *
 * @property containsUpdates the server's `contains-updates` when sent, otherwise true when any counter except
 *   [systemUpdates] is above 0.
 * @property containsSystemUpdates the server's `contains-system-updates` when sent, otherwise `systemUpdates > 0`.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class SummaryCounters internal constructor(
    public val nodesCreated: Long = 0,
    public val nodesDeleted: Long = 0,
    public val relationshipsCreated: Long = 0,
    public val relationshipsDeleted: Long = 0,
    public val propertiesSet: Long = 0,
    public val labelsAdded: Long = 0,
    public val labelsRemoved: Long = 0,
    public val indexesAdded: Long = 0,
    public val indexesRemoved: Long = 0,
    public val constraintsAdded: Long = 0,
    public val constraintsRemoved: Long = 0,
    public val systemUpdates: Long = 0,
    public val containsUpdates: Boolean = nodesCreated > 0 || nodesDeleted > 0 || relationshipsCreated > 0 ||
        relationshipsDeleted > 0 || propertiesSet > 0 || labelsAdded > 0 || labelsRemoved > 0 || indexesAdded > 0 ||
        indexesRemoved > 0 || constraintsAdded > 0 || constraintsRemoved > 0,
    public val containsSystemUpdates: Boolean = systemUpdates > 0,
) {
    public companion object {
        /** No changes. */
        @JvmField
        public val EMPTY: SummaryCounters = SummaryCounters()

        /** Parses a `stats` map (keys such as `nodes-created`); null or empty gives [EMPTY]. Never throws. */
        @JvmStatic
        public fun from(stats: Map<String, Value>?): SummaryCounters {
            if (stats.isNullOrEmpty()) return EMPTY
            fun n(key: String) = stats.optLong(key) ?: 0L
            val base = SummaryCounters(
                nodesCreated = n("nodes-created"), nodesDeleted = n("nodes-deleted"),
                relationshipsCreated = n("relationships-created"), relationshipsDeleted = n("relationships-deleted"),
                propertiesSet = n("properties-set"), labelsAdded = n("labels-added"), labelsRemoved = n("labels-removed"),
                indexesAdded = n("indexes-added"), indexesRemoved = n("indexes-removed"),
                constraintsAdded = n("constraints-added"), constraintsRemoved = n("constraints-removed"),
                systemUpdates = n("system-updates"),
            )
            return base.copy(
                containsUpdates = stats.optBoolean("contains-updates") ?: base.containsUpdates,
                containsSystemUpdates = stats.optBoolean("contains-system-updates") ?: base.containsSystemUpdates,
            )
        }
    }
}

package org.boltkt.client.summary

import org.boltkt.protocol.value.Value

/**
 * Everything [ResultSummary.from] needs, gathered by the session layer when a result completes.
 * Immutable and thread-safe, provided the maps are not mutated afterwards (they are kept, not copied).
 *
 * @property query the query text as sent.
 * @property parameters the parameters as sent.
 * @property server the server that ran the query.
 * @property runMetadata metadata of the RUN SUCCESS (`fields`, `t_first`, `qid`, …); empty for none.
 * @property finalMetadata metadata of the last PULL or DISCARD SUCCESS (`type`, `stats`, `plan`, `profile`,
 *   `notifications`, `statuses`, `t_last`, `db`, …).
 * @property hadRecords true when at least one record was received. After a DISCARD the driver cannot know; pass
 *   true unless the result was known to be empty (only the derived GQL outcome status depends on it).
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class SummaryInputs internal constructor(
    public val query: String,
    public val parameters: Map<String, Value>,
    public val server: ServerInfo,
    public val runMetadata: Map<String, Value>,
    public val finalMetadata: Map<String, Value>,
    public val hadRecords: Boolean,
)

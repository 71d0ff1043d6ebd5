package org.boltkt.client.error

import org.boltkt.protocol.value.Value

/**
 * What the server said about a failure, carried by every [BoltException] (all fields null for failures the driver
 * detected itself). Immutable.
 *
 * @property code the Neo4j/Memgraph status code (for example `Neo.ClientError.Statement.SyntaxError`).
 * @property gqlStatus the five-character GQL status (for example `42001`) sent by servers speaking Bolt 5.7+.
 * @property gqlStatusDescription the server's standard description of [gqlStatus].
 * @property diagnosticRecord the GQL diagnostic record (keys such as `CURRENT_SCHEMA`, `OPERATION`,
 *   `_classification`, `_position`).
 */
public data class ServerStatus(
    public val code: String? = null,
    public val gqlStatus: String? = null,
    public val gqlStatusDescription: String? = null,
    public val diagnosticRecord: Map<String, Value>? = null,
) {
    public companion object {
        /** No server status: the driver detected the failure. */
        @JvmField
        public val NONE: ServerStatus = ServerStatus()
    }
}

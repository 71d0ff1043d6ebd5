package org.boltkt.client.error

import org.boltkt.protocol.value.Value
import java.util.Objects

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
public class ServerStatus(
    public val code: String? = null,
    public val gqlStatus: String? = null,
    public val gqlStatusDescription: String? = null,
    public val diagnosticRecord: Map<String, Value>? = null,
) {
    // A plain class, not a data class: callers build it (e.g. exceptions in their own tests), and a data class's
    // constructor and copy() would change with every new field (docs/API.md says how a field is added).
    override fun equals(other: Any?): Boolean = other is ServerStatus && code == other.code &&
        gqlStatus == other.gqlStatus && gqlStatusDescription == other.gqlStatusDescription &&
        diagnosticRecord == other.diagnosticRecord

    override fun hashCode(): Int = Objects.hash(code, gqlStatus, gqlStatusDescription, diagnosticRecord)

    override fun toString(): String = "ServerStatus(code=$code, gqlStatus=$gqlStatus, " +
        "gqlStatusDescription=$gqlStatusDescription, diagnosticRecord=$diagnosticRecord)"

    public companion object {
        /** No server status: the driver detected the failure. */
        @JvmField
        public val NONE: ServerStatus = ServerStatus()
    }
}

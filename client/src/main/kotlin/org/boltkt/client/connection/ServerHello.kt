package org.boltkt.client.connection

import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/**
 * What a server said about itself in HELLO's SUCCESS. Memgraph and older servers omit fields; nothing is required.
 *
 * @property agent e.g. `Neo4j/5.26.30`; null when the server sent none.
 * @property connectionId the server's id for this connection, e.g. `bolt-42`.
 * @property receiveTimeoutSeconds the `connection.recv_timeout_seconds` hint: the server closes connections idle
 *   for longer, so the driver uses it as a read timeout.
 * @property ssrEnabled the `ssr.enabled` hint (5.8+): the server routes queries itself, so a routing driver may
 *   guess the home database from its cache and let the server correct a wrong guess.
 * @property telemetryEnabled the `telemetry.enabled` hint (5.4+): the server wants TELEMETRY before each unit of work.
 */
internal data class ServerHello(
    val agent: String?,
    val connectionId: String?,
    val receiveTimeoutSeconds: Long?,
    val ssrEnabled: Boolean = false,
    val telemetryEnabled: Boolean = false,
) {
    companion object {
        val UNKNOWN = ServerHello(null, null, null)

        fun from(metadata: Map<String, Value>): ServerHello {
            val hints = (metadata["hints"] as? MapValue)?.entries.orEmpty()
            return ServerHello(
                agent = (metadata["server"] as? StringValue)?.value,
                connectionId = (metadata["connection_id"] as? StringValue)?.value,
                receiveTimeoutSeconds = (hints["connection.recv_timeout_seconds"] as? IntegerValue)?.value?.takeIf { it > 0 },
                ssrEnabled = hints["ssr.enabled"] == org.boltkt.protocol.value.BooleanValue.TRUE,
                telemetryEnabled = hints["telemetry.enabled"] == org.boltkt.protocol.value.BooleanValue.TRUE,
            )
        }
    }
}

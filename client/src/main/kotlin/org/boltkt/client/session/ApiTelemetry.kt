package org.boltkt.client.session

import org.boltkt.client.connection.BoltConnection
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Telemetry
import org.boltkt.protocol.message.TelemetryApi

/**
 * Bolt 5.4+ API usage telemetry for one API call (an `executeRead`/`executeWrite`/`executeQuery` call with all its
 * retries, one `beginTransaction`, one auto-commit `run`): TELEMETRY goes pipelined in front of the call's first
 * BEGIN or RUN, on connections whose server asked for it, until the server has acknowledged it once. So a retry
 * after a lost connection sends it again; a retry after it was acknowledged does not (testkit's telemetry suite).
 *
 * A FAILURE answer fails the call like a failure of the message it preceded (that message is then IGNORED); the
 * connection is RESET when released, as after any failure. Not thread-safe: one call uses it at a time.
 */
internal class ApiTelemetry(private val api: TelemetryApi) {
    private var acknowledged = false

    /** Queues TELEMETRY on [connection] when it is still owed and the server wants it; true when queued. */
    fun enqueueIfOwed(connection: BoltConnection): Boolean {
        if (acknowledged || !connection.wantsTelemetry) return false
        connection.enqueue(Telemetry(api))
        return true
    }

    /** Reads TELEMETRY's answer, after the flush and before the answer of the message it preceded. */
    suspend fun awaitAnswer(connection: BoltConnection) {
        connection.awaitSuccess(RequestKind.TELEMETRY)
        acknowledged = true
    }

    companion object {
        /** Telemetry for one call through [api], or null when the driver config disables it. */
        fun forCall(api: TelemetryApi, disabled: Boolean): ApiTelemetry? = if (disabled) null else ApiTelemetry(api)
    }
}

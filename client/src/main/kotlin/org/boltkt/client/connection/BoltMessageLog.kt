package org.boltkt.client.connection

import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.Hello
import org.boltkt.protocol.message.Logon
import org.boltkt.protocol.message.Request
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.Run
import org.boltkt.protocol.value.StringValue
import org.slf4j.Logger

/**
 * The opt-in TRACE log of every Bolt message a connection sends (`C:`) and receives (`S:`)
 * (`DriverConfig.boltMessageLogging`). Credentials never reach it: HELLO and LOGON show only the auth token's
 * scheme, principal and realm; every other entry (credentials, a custom scheme's parameters) reads `******`.
 * Query parameters and records are shown, as they are the point of such a log; each line is clipped to
 * [MAX_LINE] characters. Attached only when the logger's TRACE level was on when the connection opened.
 */
internal class BoltMessageLog(private val logger: Logger, private val connection: BoltConnection) {
    fun sent(request: Request) {
        if (logger.isTraceEnabled) logger.trace("[{} {}] C: {}", connection.address, connection.server.connectionId ?: "-", describe(request))
    }

    fun received(response: Response) {
        if (logger.isTraceEnabled) logger.trace("[{} {}] S: {}", connection.address, connection.server.connectionId ?: "-", describe(response))
    }

    companion object {
        const val MAX_LINE: Int = 4096
        private val SHOWN_AUTH_ENTRIES = setOf("scheme", "principal", "realm")

        /** [request] as logged, with its credentials redacted. */
        fun describe(request: Request): String = clip(
            when (request) {
                is Hello -> "HELLO {user_agent: \"${request.userAgent}\", bolt_agent: ${request.boltAgent}, routing: ${request.routing}, " +
                    "auth: ${redacted(request.auth)}, notifications: ${request.notificationFilter}}"
                is Logon -> "LOGON ${redacted(request.auth)}"
                is Run -> "RUN \"${request.query}\" ${request.parameters} ${request.options}"
                else -> request.toString()
            },
        )

        /** [response] as logged. */
        fun describe(response: Response): String = clip(
            when (response) {
                is Response.Success -> "SUCCESS ${response.metadata}"
                is Response.Record -> "RECORD ${response.fields}"
                is Response.DecodedRecord -> "RECORD (decoded straight into a typed row)"
                Response.Ignored -> "IGNORED"
                is Response.Failure -> "FAILURE ${response.code} \"${response.message}\""
            },
        )

        /** Only the scheme, principal and realm of [auth]; anything else is `******`, whatever its type. */
        fun redacted(auth: AuthToken?): String = auth?.entries?.entries?.joinToString(prefix = "{", postfix = "}") { (key, value) ->
            if (key in SHOWN_AUTH_ENTRIES && value is StringValue) "$key: \"${value.value}\"" else "$key: ******"
        } ?: "null"

        private fun clip(line: String): String =
            if (line.length <= MAX_LINE) line else line.take(MAX_LINE) + "… (${line.length - MAX_LINE} more characters)"
    }
}

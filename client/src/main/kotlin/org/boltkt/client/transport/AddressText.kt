package org.boltkt.client.transport

import java.net.URI
import java.net.URISyntaxException

/**
 * An address as routing tables and [ServerAddress.toString] write it: `host:port`, `[v6]:port`, or `host` alone
 * (port [ServerAddress.DEFAULT_BOLT_PORT]). Null when [text] is none of these; each caller names its own error
 * (a malformed routing table, a caller's bad member name).
 */
internal fun parseAddressText(text: String): ServerAddress? {
    val uri = try {
        URI("bolt://$text")
    } catch (e: URISyntaxException) {
        return null
    }
    val host = uri.host?.removeSurrounding("[", "]")?.takeIf { it.isNotBlank() } ?: return null
    val port = if (uri.port == -1) ServerAddress.DEFAULT_BOLT_PORT else uri.port
    return if (port in 0..65535) ServerAddress(host, port) else null
}

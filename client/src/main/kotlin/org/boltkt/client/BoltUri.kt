package org.boltkt.client

import org.boltkt.client.error.ConfigurationException
import org.boltkt.client.transport.ServerAddress
import java.net.URI
import java.net.URISyntaxException

/**
 * A parsed driver URI: `bolt://host[:port]` (one server) or `neo4j://host[:port][?key=value&…]` (routing; the query
 * is the routing context sent to the server). The port defaults to 7687.
 *
 * Encrypted schemes (`+s`, `+ssc`) are recognised and refused with a [ConfigurationException] naming them until
 * TLS support lands; any other scheme is refused the same way.
 */
internal data class BoltUri(val routing: Boolean, val address: ServerAddress, val routingContext: Map<String, String>) {
    companion object {
        fun parse(text: String): BoltUri {
            val uri = try {
                URI(text.trim())
            } catch (e: URISyntaxException) {
                throw ConfigurationException("'$text' is not a valid URI: ${e.reason}", e)
            }
            val scheme = uri.scheme?.lowercase() ?: throw ConfigurationException("'$text' has no scheme; use bolt://host:7687 or neo4j://host:7687")
            val routing = when (scheme) {
                "bolt" -> false
                "neo4j" -> true
                "bolt+s", "bolt+ssc", "neo4j+s", "neo4j+ssc" ->
                    throw ConfigurationException("'$scheme' needs TLS, which this version of boltkt does not support yet; use bolt:// or neo4j:// to a server without TLS")
                else -> throw ConfigurationException("unsupported scheme '$scheme' in '$text'; use bolt:// or neo4j://")
            }
            val host = uri.host ?: throw ConfigurationException("'$text' has no host")
            if (!uri.path.isNullOrEmpty() && uri.path != "/") throw ConfigurationException("'$text' must not have a path")
            val port = if (uri.port == -1) ServerAddress.DEFAULT_BOLT_PORT else uri.port
            val context = parseQuery(uri.rawQuery, text)
            if (!routing && context.isNotEmpty()) throw ConfigurationException("routing context ('?${uri.rawQuery}') is only allowed with neo4j://, not in '$text'")
            val routingContext = if (routing) context + ("address" to "$host:$port") else emptyMap()
            return BoltUri(routing, ServerAddress(host.removePrefix("[").removeSuffix("]"), port), routingContext)
        }

        private fun parseQuery(raw: String?, text: String): Map<String, String> {
            if (raw.isNullOrEmpty()) return emptyMap()
            return raw.split('&').filter { it.isNotEmpty() }.associate { pair ->
                val key = java.net.URLDecoder.decode(pair.substringBefore('='), Charsets.UTF_8)
                val value = java.net.URLDecoder.decode(pair.substringAfter('=', ""), Charsets.UTF_8)
                if (key.isEmpty() || value.isEmpty()) throw ConfigurationException("routing context entry '$pair' in '$text' needs key=value")
                if (key == "address") throw ConfigurationException("routing context key 'address' is reserved (in '$text')")
                key to value
            }
        }
    }
}

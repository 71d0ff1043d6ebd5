package org.boltkt.client

import org.boltkt.client.error.ConfigurationException
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TrustStrategy
import java.net.URI
import java.net.URISyntaxException

/**
 * A parsed driver URI: `bolt://host[:port]` (one server) or `neo4j://host[:port][?key=value&…]` (routing; the query
 * is the routing context sent to the server). The port defaults to 7687.
 *
 * The encrypted schemes `bolt+s`/`neo4j+s` (TLS, system CAs, host name verification) and `bolt+ssc`/`neo4j+ssc`
 * (TLS, any certificate) set [trust]; any other scheme is refused with a [ConfigurationException].
 *
 * @property trust the trust strategy the scheme implies, or null for an unencrypted scheme.
 */
internal data class BoltUri(
    val routing: Boolean,
    val address: ServerAddress,
    val routingContext: Map<String, String>,
    val trust: TrustStrategy? = null,
) {
    companion object {
        fun parse(text: String): BoltUri {
            val uri = try {
                URI(text.trim())
            } catch (e: URISyntaxException) {
                throw ConfigurationException("'$text' is not a valid URI: ${e.reason}", e)
            }
            val scheme = uri.scheme?.lowercase() ?: throw ConfigurationException("'$text' has no scheme; use bolt://host:7687 or neo4j://host:7687")
            val base = scheme.substringBefore('+')
            val routing = when (base) {
                "bolt" -> false
                "neo4j" -> true
                else -> throw unsupported(scheme, text)
            }
            val trust = when (if ('+' in scheme) scheme.substringAfter('+') else null) {
                null -> null
                "s" -> TrustStrategy.SystemCertificates
                "ssc" -> TrustStrategy.TrustAllCertificatesInsecure
                else -> throw unsupported(scheme, text)
            }
            val host = uri.host ?: throw ConfigurationException("'$text' has no host")
            if (!uri.path.isNullOrEmpty() && uri.path != "/") throw ConfigurationException("'$text' must not have a path")
            val port = if (uri.port == -1) ServerAddress.DEFAULT_BOLT_PORT else uri.port
            val context = parseQuery(uri.rawQuery, text)
            if (!routing && context.isNotEmpty()) throw ConfigurationException("routing context ('?${uri.rawQuery}') is only allowed with neo4j://, not in '$text'")
            val routingContext = if (routing) context + ("address" to "$host:$port") else emptyMap()
            return BoltUri(routing, ServerAddress(host.removePrefix("[").removeSuffix("]"), port), routingContext, trust)
        }

        private fun unsupported(scheme: String, text: String) = ConfigurationException(
            "unsupported scheme '$scheme' in '$text'; use bolt://, neo4j:// or their +s (TLS) and +ssc (TLS, any certificate) variants",
        )

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

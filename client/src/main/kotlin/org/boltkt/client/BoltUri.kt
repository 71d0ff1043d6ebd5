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
 * Several comma-separated hosts (`neo4j://a:7687,b:7687`, `bolt://a,b:7688`) form a seed list: a `bolt://` driver
 * tries them in order whenever it opens a connection (failover), a `neo4j://` driver asks them in order for a
 * routing table when no known router answers. Each host takes its own port (default 7687).
 *
 * The encrypted schemes `bolt+s`/`neo4j+s` (TLS, system CAs, host name verification) and `bolt+ssc`/`neo4j+ssc`
 * (TLS, any certificate) set [trust]; any other scheme is refused with a [ConfigurationException].
 *
 * @property trust the trust strategy the scheme implies, or null for an unencrypted scheme.
 * @property address the first host of [addresses].
 * @property addresses every host of the URI in the given order (one unless a seed list was given).
 */
internal data class BoltUri(
    val routing: Boolean,
    val address: ServerAddress,
    val routingContext: Map<String, String>,
    val trust: TrustStrategy? = null,
    val addresses: List<ServerAddress> = listOf(address),
) {
    companion object {
        fun parse(text: String): BoltUri {
            val (single, extraHosts) = splitHostList(text.trim())
            val uri = try {
                URI(single)
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
            val first = ServerAddress(host.removePrefix("[").removeSuffix("]"), port)
            val rest = extraHosts.map { parseHost(it, text) }
            return BoltUri(routing, first, routingContext, trust, listOf(first) + rest)
        }

        /** Cuts `scheme://h1,h2:p,h3/…` into `scheme://h1/…` and the other hosts (`h2:p`, `h3`). */
        private fun splitHostList(text: String): Pair<String, List<String>> {
            val start = text.indexOf("://").takeIf { it >= 0 }?.plus(3) ?: return text to emptyList()
            val end = text.indexOfAny(charArrayOf('/', '?', '#'), start).takeIf { it >= 0 } ?: text.length
            val authority = text.substring(start, end)
            if (',' !in authority) return text to emptyList()
            val hosts = authority.split(',').map { it.trim() }
            if (hosts.any { it.isEmpty() }) throw ConfigurationException("'$text' has an empty host in its host list; use scheme://host1:7687,host2:7687")
            if (hosts.any { '@' in it }) throw ConfigurationException("'$text' must not carry user info; pass credentials as the auth token")
            return text.substring(0, start) + hosts.first() + text.substring(end) to hosts.drop(1)
        }

        private fun parseHost(hostAndPort: String, text: String): ServerAddress {
            val uri = try {
                URI("bolt://$hostAndPort")
            } catch (e: URISyntaxException) {
                throw ConfigurationException("'$hostAndPort' in the host list of '$text' is not host[:port]: ${e.reason}", e)
            }
            val host = uri.host ?: throw ConfigurationException("'$hostAndPort' in the host list of '$text' is not host[:port]")
            val port = if (uri.port == -1) ServerAddress.DEFAULT_BOLT_PORT else uri.port
            return ServerAddress(host.removePrefix("[").removeSuffix("]"), port)
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

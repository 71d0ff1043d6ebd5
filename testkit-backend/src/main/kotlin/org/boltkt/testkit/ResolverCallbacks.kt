package org.boltkt.testkit

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runInterruptible
import org.boltkt.client.transport.ServerAddress
import java.net.InetAddress

/**
 * The driver's resolver hooks for NewDriver's `resolverRegistered` / `domainNameResolverRegistered`: each call
 * asks testkit, which runs the test's function and answers with the matching `…Completed` request.
 */
object ResolverCallbacks {
    /** `ResolverResolutionRequired {id, address}` → `ResolverResolutionCompleted {requestId, addresses: ["host:port"]}`. */
    fun addressResolver(b: Backend): suspend (ServerAddress) -> List<ServerAddress> = { address ->
        val answer = b.callback { id -> "ResolverResolutionRequired" to obj("id" to id, "address" to "${address.host}:${address.port}") }
        answer.strings("addresses").orEmpty().map(::parseAddress)
    }

    /**
     * `DomainNameResolutionRequired {id, name}` → `DomainNameResolutionCompleted {requestId, addresses: ["ip"]}`.
     * testkit answers IP literals; a name would go to the system's DNS, hence the IO dispatcher.
     */
    fun domainNameResolver(b: Backend): suspend (String) -> List<InetAddress> = { name ->
        val answer = b.callback { id -> "DomainNameResolutionRequired" to obj("id" to id, "name" to name) }
        val addresses = answer.strings("addresses").orEmpty()
        runInterruptible(Dispatchers.IO) { addresses.map { InetAddress.getByName(it.removeSurrounding("[", "]")) } }
    }

    fun parseAddress(text: String): ServerAddress {
        val colon = text.lastIndexOf(':')
        if (colon < 0) return ServerAddress(text, ServerAddress.DEFAULT_BOLT_PORT)
        return ServerAddress(text.substring(0, colon).removeSurrounding("[", "]"), text.substring(colon + 1).toInt())
    }
}

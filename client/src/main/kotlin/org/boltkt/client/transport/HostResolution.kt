package org.boltkt.client.transport

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runInterruptible
import java.net.InetAddress
import java.net.UnknownHostException

/**
 * The IP addresses to try for [address]'s host, in order: [domainNameResolver]'s answer when one is configured
 * (called for every host, IP literals included, as the official Java driver does), else the system's DNS.
 * Every failure, including a custom resolver's exception or empty answer, is a [TransportConnectException]
 * naming the host; cancellation propagates unwrapped.
 */
internal suspend fun resolveHost(
    address: ServerAddress,
    domainNameResolver: (suspend (String) -> List<InetAddress>)?,
): List<InetAddress> {
    val host = address.host.removeSurrounding("[", "]")
    return if (domainNameResolver == null) systemResolve(address, host) else customResolve(address, host, domainNameResolver)
}

private suspend fun systemResolve(address: ServerAddress, host: String): List<InetAddress> {
    val resolved = try {
        runInterruptible(Dispatchers.IO) { InetAddress.getAllByName(host) }
    } catch (e: UnknownHostException) {
        throw TransportConnectException(address, "cannot resolve host of $address: ${e.message ?: e}", e)
    } catch (e: SecurityException) {
        throw TransportConnectException(address, "not allowed to resolve host of $address", e)
    }
    if (resolved.isEmpty()) throw TransportConnectException(address, "host of $address resolved to no address")
    return resolved.toList()
}

private suspend fun customResolve(
    address: ServerAddress,
    host: String,
    resolver: suspend (String) -> List<InetAddress>,
): List<InetAddress> {
    val resolved = try {
        resolver(host)
    } catch (e: CancellationException) {
        throw e
    } catch (e: Exception) {
        throw TransportConnectException(
            address,
            "cannot resolve host '$host' of $address: the configured domainNameResolver failed: ${e.message ?: e} " +
                "(fix the resolver, or unset domainNameResolver to use the system DNS)",
            e,
        )
    }
    if (resolved.isEmpty()) {
        throw TransportConnectException(
            address,
            "cannot resolve host '$host' of $address: the configured domainNameResolver returned no address " +
                "(it must return at least one InetAddress for every host the driver connects to, or throw)",
        )
    }
    return resolved
}

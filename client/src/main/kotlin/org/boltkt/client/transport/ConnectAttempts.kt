package org.boltkt.client.transport

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withTimeoutOrNull
import java.io.IOException
import java.net.InetSocketAddress

/**
 * Resolves [address] (with [TransportOptions.domainNameResolver], else DNS on [Dispatchers.IO]) and runs [attempt]
 * against each resolved address in order, each bounded by [TransportOptions.connectTimeout], returning the first
 * transport that connects.
 *
 * [attempt] must close whatever it opened when it fails or is cancelled. The transport it returns is closed here
 * if the timeout or a cancellation wins the race against its completion, so nothing leaks.
 */
internal suspend fun connectToFirstReachable(
    address: ServerAddress,
    options: TransportOptions,
    attempt: suspend (InetSocketAddress) -> Transport,
): Transport {
    val resolved = resolveHost(address, options.domainNameResolver)
    val failures = ArrayList<TransportConnectException>(resolved.size)
    for (inet in resolved) {
        val target = InetSocketAddress(inet, address.port)
        var opened: Transport? = null
        try {
            val transport = withTimeoutOrNull(options.connectTimeout) { attempt(target).also { opened = it } }
            if (transport != null) return transport
            opened?.close()
            failures += TransportConnectException(
                address,
                "connect to $address (${target.describe()}) timed out after ${options.connectTimeout}",
                timeout = options.connectTimeout,
            )
        } catch (e: CancellationException) {
            opened?.close()
            throw e
        } catch (e: IOException) {
            failures += TransportConnectException(
                address,
                "connect to $address (${target.describe()}) failed: ${e.message ?: e}",
                cause = e,
            )
        }
    }
    val last = failures.last()
    failures.dropLast(1).forEach(last::addSuppressed)
    throw last
}

private fun InetSocketAddress.describe(): String = "${address.hostAddress}:$port"

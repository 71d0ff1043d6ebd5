package org.boltkt.client.transport

import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.InetSocketAddress as KtorInetSocketAddress
import io.ktor.network.sockets.aSocket
import kotlinx.coroutines.Dispatchers
import java.io.IOException
import java.net.InetSocketAddress
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Opens [TransportKind.KTOR] transports: ktor-network TCP sockets.
 *
 * The factory owns one [SelectorManager] (its selector loop runs on [Dispatchers.IO]) shared by all its
 * transports; [close] stops it, after which transports it opened stop working and [connect] throws
 * [IllegalStateException]. The host is resolved by the factory and ktor is handed an IP literal, so ktor does no
 * DNS of its own.
 *
 * Thread-safe; [connect] follows the [TransportFactory] contract.
 */
public class KtorTransportFactory : TransportFactory {
    private val selector = ConnectWaitingSelector(SelectorManager(Dispatchers.IO))
    private val closed = AtomicBoolean(false)

    override suspend fun connect(address: ServerAddress, options: TransportOptions): Transport {
        check(!closed.get()) { "KtorTransportFactory is closed" }
        return connectToFirstReachable(address, options) { target -> connectOne(target, options) }
    }

    private suspend fun connectOne(target: InetSocketAddress, options: TransportOptions): Transport {
        // ktor closes the channel itself when the connect fails or is cancelled; ConnectWaitingSelector makes
        // that close reach the OS at once.
        val socket = aSocket(selector).tcp().connect(KtorInetSocketAddress(target.address.hostAddress, target.port)) {
            noDelay = options.tcpNoDelay
            keepAlive = options.keepAlive
        }
        return try {
            KtorTransport(socket, target)
        } catch (e: Throwable) {
            socket.close()
            throw e
        }
    }

    /** Stops the selector. Idempotent, never throws. */
    override fun close() {
        if (!closed.compareAndSet(false, true)) return
        try {
            selector.close()
        } catch (_: IOException) {
            // nothing to release beyond this
        }
    }

    override fun toString(): String = "KtorTransportFactory(${if (closed.get()) "closed" else "open"})"
}

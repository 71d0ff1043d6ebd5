package org.boltkt.client.transport

import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.suspendCancellableCoroutine
import java.io.IOException
import java.net.InetSocketAddress
import java.net.StandardSocketOptions
import java.nio.channels.AsynchronousChannelGroup
import java.nio.channels.AsynchronousSocketChannel

/**
 * Opens [TransportKind.NIO] transports: JDK [AsynchronousSocketChannel]s driven by coroutines.
 *
 * **Channel group.** By default channels join the JVM-wide default [AsynchronousChannelGroup]: its threads are
 * daemons created on demand and shared with any other user of asynchronous channels, and it has no lifecycle to
 * manage, so [close] has nothing to release. Completion handlers only resume continuations (no blocking work runs
 * on group threads unless the caller resumes under `Dispatchers.Unconfined` and then blocks, which it must not).
 * Pass your own [group] to isolate the driver's I/O threads; you then own its shutdown.
 *
 * Thread-safe; [connect] follows the [TransportFactory] contract.
 */
public class NioTransportFactory(private val group: AsynchronousChannelGroup? = null) : TransportFactory {
    override suspend fun connect(address: ServerAddress, options: TransportOptions): Transport {
        check(group == null || !group.isShutdown) { "the channel group of this factory is shut down" }
        return connectToFirstReachable(address, options) { target -> connectOne(target, options) }
    }

    private suspend fun connectOne(target: InetSocketAddress, options: TransportOptions): Transport {
        val channel = AsynchronousSocketChannel.open(group)
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, options.tcpNoDelay)
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, options.keepAlive)
            suspendCancellableCoroutine { cont: CancellableContinuation<Void?> ->
                cont.invokeOnCancellation { channel.closeQuietly() }
                channel.connect(target, ConnectResumer(cont), ConnectResumer.Handler)
            }
            return NioTransport(channel, target)
        } catch (e: Throwable) {
            channel.closeQuietly()
            throw e
        }
    }

    override fun toString(): String = "NioTransportFactory(group=${group ?: "default"})"
}

private fun AsynchronousSocketChannel.closeQuietly() {
    try {
        close()
    } catch (_: IOException) {
        // released either way
    }
}

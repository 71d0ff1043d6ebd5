package org.boltkt.client.transport

import io.ktor.network.selector.Selectable
import io.ktor.network.selector.SelectInterest
import io.ktor.network.selector.SelectorManager
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runInterruptible
import java.nio.channels.SelectableChannel
import java.nio.channels.SelectionKey

/**
 * The [SelectorManager] handed to ktor: everything goes to [delegate] except the wait for a TCP connect to complete.
 *
 * Why: when ktor's connect is cancelled, ktor closes the JDK channel directly, without telling its selector. The
 * JDK defers the real close of a channel registered with a selector until that selector's next selection, and
 * ktor's selector loop stops selecting once no key has a pending interest — which is the case right after it has
 * seen the connect complete. A connect cancelled in that window (the handshake done, its resumption not yet run)
 * therefore left an established socket open for as long as the driver did no other ktor I/O.
 *
 * Here the connect is awaited on a selector of its own, closed before the wait returns or throws: the channel is
 * registered with no selector when ktor closes it, so the close reaches the OS at once. A cancelled wait is
 * interrupted ([runInterruptible]), so cancellation stays prompt. Cost: one [Dispatchers.IO] thread per connect in
 * flight, for at most the connect timeout.
 */
internal class ConnectWaitingSelector(private val delegate: SelectorManager) : SelectorManager by delegate {
    override suspend fun select(selectable: Selectable, interest: SelectInterest) {
        if (interest != SelectInterest.CONNECT) return delegate.select(selectable, interest)
        awaitConnectable(selectable.channel)
    }

    private suspend fun awaitConnectable(channel: SelectableChannel) {
        val own = delegate.provider.openSelector()
        try {
            runInterruptible(Dispatchers.IO) {
                channel.register(own, SelectionKey.OP_CONNECT)
                while (own.select() == 0) {
                    if (Thread.interrupted()) throw InterruptedException()
                }
            }
        } finally {
            own.close() // deregisters the channel now, whatever happens next
        }
    }
}

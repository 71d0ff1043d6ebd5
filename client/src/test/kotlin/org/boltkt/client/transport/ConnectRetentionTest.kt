package org.boltkt.client.transport

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.lang.ref.WeakReference
import java.util.concurrent.TimeUnit
import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.CoroutineContext
import kotlin.time.Duration.Companion.seconds

/**
 * An open transport keeps nothing of the coroutine that connected it. Before the fix, the JDK channel kept the
 * connect's continuation as its connect attachment for the channel's whole life, and through its context the
 * connecting coroutine's whole chain: a pooled connection kept the session that first asked for it reachable (so
 * leaked-session detection never fired, and a dropped session's memory stayed as long as the connection).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConnectRetentionTest {
    /** Stands for whatever the connecting coroutine references (a session, the caller's context). */
    private class Marker : AbstractCoroutineContextElement(Key) {
        companion object Key : CoroutineContext.Key<Marker>
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `an open transport does not keep the connecting coroutine reachable`(kind: TransportKind) {
        LoopbackServer { socket, server -> server.drainUntilClosed(socket, echo = false) }.use { server ->
            kind.newFactory().use { factory ->
                val (transport, marker) = runBlocking { connectUnder(factory, server.address) }
                try {
                    val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
                    while (marker.get() != null) {
                        check(System.nanoTime() < deadline) { "the connecting coroutine's context is still reachable from the open $kind transport" }
                        System.gc()
                        Thread.sleep(20)
                    }
                    check(transport.isOpen)
                } finally {
                    transport.close()
                }
            }
        }
    }

    private suspend fun connectUnder(factory: TransportFactory, address: ServerAddress): Pair<Transport, WeakReference<Marker>> {
        val marker = Marker()
        val transport = withContext(marker) { factory.connect(address, TransportOptions(connectTimeout = 30.seconds)) }
        return transport to WeakReference(marker)
    }
}

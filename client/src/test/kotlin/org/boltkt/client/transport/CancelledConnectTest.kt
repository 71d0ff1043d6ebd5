package org.boltkt.client.transport

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.launch
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import kotlin.coroutines.CoroutineContext
import kotlin.time.Duration.Companion.seconds

/**
 * A connect cancelled after its TCP handshake completed but before the connecting coroutine resumed must close
 * the socket at once: the server sees end of stream. The connecting coroutine runs on a dispatcher this test pumps
 * by hand, so the completion is held back until the test has cancelled the job. (ktor's own connect left such a
 * socket open until its selector next woke up, which never happens while the driver is idle.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CancelledConnectTest {
    /** Queues tasks; the test thread runs them. */
    private class PumpedDispatcher : CoroutineDispatcher() {
        val tasks = LinkedBlockingQueue<Runnable>()
        override fun dispatch(context: CoroutineContext, block: Runnable) = tasks.put(block)
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a connect cancelled as its handshake completes leaves no connection open`(kind: TransportKind) {
        LoopbackServer { socket, server -> server.drainUntilClosed(socket, echo = false) }.use { server ->
            kind.newFactory().use { factory ->
                var heldBack = 0
                repeat(ROUNDS) { round ->
                    val pumped = PumpedDispatcher()
                    val connect = CoroutineScope(pumped).launch {
                        factory.connect(server.address, TransportOptions(connectTimeout = 30.seconds)).close()
                    }
                    // Run the coroutine until the server has the connection; the task queued then is its resumption.
                    var held: Runnable? = null
                    while (held == null && !connect.isCompleted) {
                        val task = pumped.tasks.poll(10, TimeUnit.MILLISECONDS) ?: continue
                        if (server.accepted.get() > round) held = task else task.run()
                    }
                    if (held != null) heldBack++
                    connect.cancel()
                    held?.run()
                    while (!connect.isCompleted) pumped.tasks.poll(10, TimeUnit.MILLISECONDS)?.run()
                    assertNotNull(
                        server.awaitPeerClosed(5),
                        "round $round: the server still holds the connection of a cancelled connect",
                    )
                }
                assertTrue(heldBack > 0, "no round cancelled a connect in flight ($kind)")
            }
        }
    }

    private companion object {
        const val ROUNDS = 10
    }
}

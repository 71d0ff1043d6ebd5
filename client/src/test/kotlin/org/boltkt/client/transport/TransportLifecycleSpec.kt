package org.boltkt.client.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.withTimeoutOrNull
import java.nio.ByteBuffer
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/** Close, use after close, and cancellation of pending reads and writes, for every [TransportKind]. */
class TransportLifecycleSpec : FunSpec({
    val factories = TransportKind.entries.associateWith { it.newFactory() }
    afterSpec { factories.values.forEach { it.close() } }

    for ((kind, factory) in factories) {
        context(kind.name) {
            test("close is idempotent; read and write after close throw TransportClosedException")
                .config(timeout = 15.seconds) {
                    LoopbackServer.silent().use { server ->
                        val transport = factory.connect(server.address)
                        transport.isOpen shouldBe true
                        transport.close()
                        transport.close()
                        transport.isOpen shouldBe false
                        shouldThrow<TransportClosedException> { transport.read(ByteBuffer.allocate(8)) }
                        shouldThrow<TransportClosedException> { transport.writeFully(ByteBuffer.allocate(8)) }
                        shouldThrow<TransportClosedException> { transport.writeFully(arrayOf(ByteBuffer.allocate(8))) }
                        server.awaitPeerClosed().shouldNotBeNull()
                    }
                }

            test("close during a pending read wakes the reader with TransportClosedException")
                .config(timeout = 15.seconds) {
                    LoopbackServer.silent().use { server ->
                        val transport = factory.connect(server.address)
                        val read = async { runCatching { transport.read(ByteBuffer.allocate(8)) } }
                        delay(200.milliseconds)
                        read.isActive shouldBe true
                        transport.close()
                        val outcome = withTimeout(2.seconds) { read.await() }
                        outcome.exceptionOrNull().shouldBeInstanceOf<TransportClosedException>()
                        server.awaitPeerClosed().shouldNotBeNull()
                    }
                }

            test("cancelling a pending read ends it promptly, closes the transport, the server sees EOF")
                .config(timeout = 15.seconds) {
                    LoopbackServer.silent().use { server ->
                        val transport = factory.connect(server.address)
                        transport.writeFully(ByteBuffer.wrap(byteArrayOf(1, 2, 3)))
                        val reader = launch { transport.read(ByteBuffer.allocate(8)) }
                        delay(200.milliseconds)
                        reader.isActive shouldBe true
                        reader.cancel()
                        withTimeout(2.seconds) { reader.join() }
                        reader.isCancelled shouldBe true
                        transport.isOpen shouldBe false
                        server.awaitPeerClosed() shouldBe 3L
                        shouldThrow<TransportClosedException> { transport.read(ByteBuffer.allocate(8)) }
                    }
                }

            test("a read started in an already-cancelled coroutine closes the transport")
                .config(timeout = 15.seconds) {
                    LoopbackServer.silent().use { server ->
                        val transport = factory.connect(server.address)
                        val reader = launch(start = CoroutineStart.ATOMIC) { transport.read(ByteBuffer.allocate(8)) }
                        reader.cancel()
                        withTimeout(2.seconds) { reader.join() }
                        transport.isOpen shouldBe false
                        server.awaitPeerClosed().shouldNotBeNull()
                    }
                }

            test("a write to a peer that never reads suspends; cancelling it closes the transport")
                .config(timeout = 15.seconds) {
                    LoopbackServer.neverReads().use { server ->
                        val transport = factory.connect(server.address)
                        val big = ByteBuffer.allocate(64 * 1024 * 1024) // far more than loopback socket buffers hold
                        val writer = launch { transport.writeFully(big) }
                        delay(500.milliseconds)
                        withClue({ "writer not suspended; ${big.position()} of ${big.capacity()} bytes taken" }) {
                            writer.isActive shouldBe true
                            (big.position() < big.capacity() / 2) shouldBe true // not all buffered in memory
                        }
                        cancellingClosesTransport(writer, transport)
                    }
                }

            test("a small write held back by a full socket buffer completes once the peer reads")
                .config(timeout = 30.seconds) {
                    val release = java.util.concurrent.CountDownLatch(1)
                    val received = java.util.concurrent.atomic.AtomicLong()
                    val reader: (java.net.Socket, LoopbackServer) -> Unit = { s, _ ->
                        release.await()
                        val buffer = ByteArray(64 * 1024)
                        val input = s.getInputStream()
                        while (true) {
                            val n = input.read(buffer)
                            if (n < 0) break
                            received.addAndGet(n.toLong())
                        }
                    }
                    LoopbackServer(reader).use { server ->
                        val transport = factory.connect(server.address)
                        val chunk = 16 * 1024
                        var written = 0L
                        // Small buffers (the size of requests) until one is held back: the socket buffers are full.
                        // Started in the test's scope (not inside a timeout block, which would wait for it).
                        var stuck: kotlinx.coroutines.Deferred<Unit>? = null
                        while (stuck == null) {
                            val write = async(start = CoroutineStart.UNDISPATCHED) { transport.writeFully(ByteBuffer.allocate(chunk)) }
                            if (write.isActive && withTimeoutOrNull(50.milliseconds) { write.join() } == null) {
                                stuck = write
                            } else {
                                write.await()
                                written += chunk
                            }
                        }
                        delay(300.milliseconds)
                        stuck.isActive shouldBe true
                        release.countDown()
                        withTimeout(5.seconds) { stuck.await() }
                        // Everything before the held-back write, and that write, reaches the peer (KTOR hands bytes
                        // to the socket in the background, so wait for them rather than close at once).
                        withTimeout(5.seconds) { while (received.get() < written + chunk) delay(10.milliseconds) }
                        received.get() shouldBe written + chunk
                        transport.close()
                    }
                }

            test("cancelling a small write held back by a full socket buffer closes the transport")
                .config(timeout = 30.seconds) {
                    LoopbackServer.neverReads().use { server ->
                        val transport = factory.connect(server.address)
                        var stuck: kotlinx.coroutines.Job? = null
                        while (stuck == null) {
                            val write = launch(start = CoroutineStart.UNDISPATCHED) { transport.writeFully(ByteBuffer.allocate(16 * 1024)) }
                            if (write.isActive && withTimeoutOrNull(50.milliseconds) { write.join() } == null) stuck = write
                        }
                        cancellingClosesTransport(stuck, transport)
                    }
                }

            test("a write started in an already-cancelled coroutine closes the transport and sends nothing")
                .config(timeout = 15.seconds) {
                    LoopbackServer.silent().use { server ->
                        val transport = factory.connect(server.address)
                        val writer = launch(start = CoroutineStart.ATOMIC) { transport.writeFully(ByteBuffer.wrap(byteArrayOf(1, 2, 3))) }
                        writer.cancel()
                        withTimeout(2.seconds) { writer.join() }
                        writer.isCancelled shouldBe true
                        transport.isOpen shouldBe false
                        server.awaitPeerClosed() shouldBe 0L
                    }
                }
        }
    }
})

/** Cancels [writer], suspended in a write, and checks that the write ended cancelled and closed [transport]. */
private suspend fun cancellingClosesTransport(writer: kotlinx.coroutines.Job, transport: Transport) {
    writer.cancel()
    withTimeout(2.seconds) { writer.join() }
    writer.isCancelled shouldBe true
    transport.isOpen shouldBe false
    shouldThrow<TransportClosedException> { transport.writeFully(ByteBuffer.allocate(1)) }
}

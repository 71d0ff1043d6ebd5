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
                        writer.cancel()
                        withTimeout(2.seconds) { writer.join() }
                        writer.isCancelled shouldBe true
                        transport.isOpen shouldBe false
                        shouldThrow<TransportClosedException> { transport.writeFully(ByteBuffer.allocate(1)) }
                    }
                }
        }
    }
})

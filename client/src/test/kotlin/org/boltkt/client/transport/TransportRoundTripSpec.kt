package org.boltkt.client.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import java.io.ByteArrayOutputStream
import java.net.StandardSocketOptions
import java.nio.ByteBuffer
import kotlin.random.Random
import kotlin.time.Duration.Companion.seconds

/** Data path of every [TransportKind] against an in-process loopback server: echo, end of stream, options. */
class TransportRoundTripSpec : FunSpec({
    val factories = TransportKind.entries.associateWith { it.newFactory() }
    afterSpec { factories.values.forEach { it.close() } }

    for ((kind, factory) in factories) {
        context(kind.name) {
            test("small echo round trip").config(timeout = 15.seconds) {
                LoopbackServer.echo().use { server ->
                    val transport = factory.connect(server.address)
                    transport.writeFully(ByteBuffer.wrap("ping".toByteArray()))
                    readExactly(transport, 4).decodeToString() shouldBe "ping"
                    transport.close()
                    server.awaitPeerClosed() shouldBe 4L
                }
            }

            test("8 MiB echoed with arbitrary write and read sizes").config(timeout = 30.seconds) {
                val data = Random(42).nextBytes(8 * 1024 * 1024)
                LoopbackServer.echo().use { server ->
                    val transport = factory.connect(server.address)
                    val received = coroutineScope {
                        launch {
                            val random = Random(7)
                            var pos = 0
                            while (pos < data.size) {
                                val n = minOf(random.nextInt(1, 200_000), data.size - pos)
                                transport.writeFully(ByteBuffer.wrap(data, pos, n))
                                pos += n
                            }
                        }
                        readExactly(transport, data.size, Random(9))
                    }
                    received.contentEquals(data) shouldBe true
                    transport.close()
                    server.awaitPeerClosed() shouldBe data.size.toLong()
                }
            }

            test("gathering write sends every buffer in order, skipping empty ones").config(timeout = 15.seconds) {
                LoopbackServer.echo().use { server ->
                    val transport = factory.connect(server.address)
                    val parts = arrayOf("a", "", "bc", "d".repeat(100_000), "", "e")
                    val buffers = Array(parts.size) { ByteBuffer.wrap(parts[it].toByteArray()) }
                    transport.writeFully(buffers)
                    buffers.all { !it.hasRemaining() } shouldBe true
                    val expected = parts.joinToString("")
                    readExactly(transport, expected.length).decodeToString() shouldBe expected
                    transport.close()
                }
            }

            test("read returns -1 at the peer's end of stream, and again after").config(timeout = 15.seconds) {
                LoopbackServer.sendThenClose("hello".toByteArray()).use { server ->
                    val transport = factory.connect(server.address)
                    readExactly(transport, 5).decodeToString() shouldBe "hello"
                    val buffer = ByteBuffer.allocate(16)
                    repeat(3) { transport.read(buffer) shouldBe -1 }
                    transport.isOpen shouldBe true
                    transport.close()
                }
            }

            test("a read into a full buffer returns 0 without waiting").config(timeout = 15.seconds) {
                LoopbackServer.silent().use { server ->
                    val transport = factory.connect(server.address)
                    transport.read(ByteBuffer.allocate(0)) shouldBe 0
                    transport.close()
                }
            }

            test("a reset by the peer fails the read with TransportIoException and closes").config(timeout = 15.seconds) {
                LoopbackServer.sendThenReset("x".toByteArray()).use { server ->
                    val transport = factory.connect(server.address)
                    readExactly(transport, 1).decodeToString() shouldBe "x"
                    shouldThrow<TransportIoException> {
                        val buffer = ByteBuffer.allocate(16)
                        while (transport.read(buffer) >= 0) buffer.clear()
                    }
                    transport.isOpen shouldBe false
                }
            }

            test("TCP_NODELAY and SO_KEEPALIVE are set by default").config(timeout = 15.seconds) {
                LoopbackServer.silent().use { server ->
                    val transport = factory.connect(server.address) as SocketOptionSource
                    transport.socketOption(StandardSocketOptions.TCP_NODELAY) shouldBe true
                    transport.socketOption(StandardSocketOptions.SO_KEEPALIVE) shouldBe true
                    (transport as Transport).close()
                }
            }

            test("TCP_NODELAY and SO_KEEPALIVE follow the options").config(timeout = 15.seconds) {
                LoopbackServer.silent().use { server ->
                    val options = TransportOptions(tcpNoDelay = false, keepAlive = false)
                    val transport = factory.connect(server.address, options) as SocketOptionSource
                    transport.socketOption(StandardSocketOptions.TCP_NODELAY) shouldBe false
                    transport.socketOption(StandardSocketOptions.SO_KEEPALIVE) shouldBe false
                    (transport as Transport).close()
                }
            }

            test("remoteAddress is the resolved address").config(timeout = 15.seconds) {
                LoopbackServer.silent().use { server ->
                    val transport = factory.connect(ServerAddress("localhost", server.address.port))
                    transport.remoteAddress.port shouldBe server.address.port
                    transport.remoteAddress.address.isLoopbackAddress shouldBe true
                    transport.close()
                }
            }
        }
    }
})

/** Reads exactly [size] bytes, each read into a buffer of a size drawn from [random] (or 64 KiB). */
internal suspend fun readExactly(transport: Transport, size: Int, random: Random? = null): ByteArray {
    val out = ByteArrayOutputStream(size)
    val buffer = ByteBuffer.allocate(256 * 1024)
    while (out.size() < size) {
        buffer.clear()
        val want = minOf(size - out.size(), random?.nextInt(1, buffer.capacity()) ?: 65_536)
        buffer.limit(want)
        val n = transport.read(buffer)
        check(n > 0) { "unexpected end of stream after ${out.size()} of $size bytes" }
        out.write(buffer.array(), 0, n)
    }
    return out.toByteArray()
}

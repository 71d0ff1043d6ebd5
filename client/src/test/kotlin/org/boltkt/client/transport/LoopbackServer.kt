package org.boltkt.client.transport

import java.io.IOException
import java.net.InetAddress
import java.net.ServerSocket
import java.net.Socket
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.concurrent.thread

/**
 * A blocking TCP server on 127.0.0.1 (ephemeral port) for transport tests: every accepted connection is served
 * by [handler] on its own daemon thread. Connections whose handler saw the client's end of stream (or a reset) are
 * reported on [peerClosed] with the number of bytes the handler read.
 */
class LoopbackServer(private val handler: (Socket, LoopbackServer) -> Unit) : AutoCloseable {
    private val server = ServerSocket(0, 50, InetAddress.getLoopbackAddress())
    private val connections = ConcurrentLinkedQueue<Socket>()

    /** Connections accepted so far. */
    val accepted = AtomicInteger()

    /** One entry per connection whose client closed: bytes read from it before the end of stream. */
    val peerClosed = LinkedBlockingQueue<Long>()

    val address: ServerAddress get() = ServerAddress("127.0.0.1", server.localPort)

    init {
        thread(isDaemon = true, name = "loopback-accept-${server.localPort}") {
            while (!server.isClosed) {
                val socket = try {
                    server.accept()
                } catch (_: IOException) {
                    break
                }
                connections += socket
                accepted.incrementAndGet()
                thread(isDaemon = true, name = "loopback-conn-${socket.port}") {
                    try {
                        handler(socket, this)
                    } catch (_: IOException) {
                        // a client reset or the server closing: the test checks what it needs elsewhere
                    } finally {
                        socket.close()
                    }
                }
            }
        }
    }

    /** Waits up to [seconds] for the next connection's end of stream; null if none came. */
    fun awaitPeerClosed(seconds: Long = 5): Long? = peerClosed.poll(seconds, TimeUnit.SECONDS)

    /** Reads until end of stream, recording it on [peerClosed]. */
    fun drainUntilClosed(socket: Socket, echo: Boolean) {
        val input = socket.getInputStream()
        val output = socket.getOutputStream()
        val buffer = ByteArray(64 * 1024)
        var total = 0L
        try {
            while (true) {
                val n = input.read(buffer)
                if (n < 0) break
                total += n
                if (echo) output.write(buffer, 0, n)
            }
        } catch (_: IOException) {
            // reset counts as closed
        }
        peerClosed.add(total)
    }

    override fun close() {
        server.close()
        connections.forEach { runCatching { it.close() } }
    }

    companion object {
        /** Echoes every byte back; on the client's end of stream, closes. */
        fun echo(): LoopbackServer = LoopbackServer { s, server -> server.drainUntilClosed(s, echo = true) }

        /** Reads and discards, never writes. */
        fun silent(): LoopbackServer = LoopbackServer { s, server -> server.drainUntilClosed(s, echo = false) }

        /** Sends [bytes], then closes its side normally (FIN). */
        fun sendThenClose(bytes: ByteArray): LoopbackServer = LoopbackServer { s, _ ->
            s.getOutputStream().apply { write(bytes); flush() }
            s.shutdownOutput()
            s.getInputStream().readAllBytes()
        }

        /** Sends [bytes], then aborts the connection (RST, via SO_LINGER 0). */
        fun sendThenReset(bytes: ByteArray): LoopbackServer = LoopbackServer { s, _ ->
            s.getOutputStream().apply { write(bytes); flush() }
            Thread.sleep(100)
            s.setSoLinger(true, 0)
            s.close()
        }

        /** Accepts and never reads, so a large client write blocks once the socket buffers fill. */
        fun neverReads(): LoopbackServer = LoopbackServer { s, server ->
            while (!s.isClosed) Thread.sleep(50)
        }
    }
}

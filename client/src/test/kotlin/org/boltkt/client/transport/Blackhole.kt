package org.boltkt.client.transport

import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.Socket
import java.net.SocketTimeoutException

/**
 * A loopback address where TCP connects hang: a listening socket with backlog 1 that never accepts, its accept
 * queue filled by filler connections. Linux then drops further SYNs, so a connect waits until its timeout.
 * Loopback only: no packet leaves the machine.
 */
class Blackhole : AutoCloseable {
    private val server = ServerSocket(0, 1, InetAddress.getLoopbackAddress())
    private val fillers = mutableListOf<Socket>()

    val address: ServerAddress = ServerAddress("127.0.0.1", server.localPort)

    init {
        val target = InetSocketAddress(InetAddress.getLoopbackAddress(), server.localPort)
        var hung = false
        for (i in 0 until MAX_FILLERS) {
            val socket = Socket()
            try {
                socket.connect(target, FILLER_TIMEOUT_MS)
                fillers += socket
            } catch (_: SocketTimeoutException) {
                socket.close()
                hung = true
                break
            }
        }
        check(hung) { "could not fill the accept queue of $address with $MAX_FILLERS connections" }
    }

    override fun close() {
        fillers.forEach { it.close() }
        server.close()
    }

    private companion object {
        const val MAX_FILLERS = 64
        const val FILLER_TIMEOUT_MS = 300
    }
}

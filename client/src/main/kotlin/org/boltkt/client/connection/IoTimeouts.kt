package org.boltkt.client.connection

import kotlin.time.Duration

/**
 * The driver's bounds on one connection's I/O while it waits for the server (not while it idles in the pool).
 *
 * @property read longest silence while an answer is awaited; a server's `connection.recv_timeout_seconds` hint,
 *   when shorter, applies instead. [Duration.INFINITE]: only the hint, if any, bounds a read.
 * @property write longest time one write of at most [WRITE_SLICE] bytes may wait for the server to take the bytes
 *   (a server that stopped reading fills the socket buffer). [Duration.INFINITE]: unbounded.
 */
internal data class IoTimeouts(val read: Duration, val write: Duration) {
    companion object {
        val NONE: IoTimeouts = IoTimeouts(Duration.INFINITE, Duration.INFINITE)

        /** Writes are bounded per slice of this size, so a large request is cut only when it stops progressing. */
        const val WRITE_SLICE: Int = 64 * 1024
    }
}

/**
 * Nothing arrived within the read bound ([byServerHint]: the server's `connection.recv_timeout_seconds` hint, else
 * the driver's `connectionReadTimeout`); the connection is closed.
 */
internal class ReceiveTimeoutException(val address: org.boltkt.client.transport.ServerAddress, bound: Duration, byServerHint: Boolean) :
    java.io.IOException(
        "no data from $address within $bound while an answer was awaited, " +
            (if (byServerHint) "the receive timeout the server hinted (connection.recv_timeout_seconds)" else "the driver's connectionReadTimeout") +
            "; the connection was closed",
    )

/** The server took no bytes of a write for [bound] (it stopped reading); the connection is closed. */
internal class WriteTimeoutException(val address: org.boltkt.client.transport.ServerAddress, bound: Duration) :
    java.io.IOException(
        "the server at $address took none of the bytes written for $bound (it stopped reading), the driver's " +
            "connectionWriteTimeout; the connection was closed",
    )

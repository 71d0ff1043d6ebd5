package org.boltkt.testsupport

import java.io.DataInputStream
import java.net.InetSocketAddress
import java.net.Socket

/**
 * A minimal Bolt handshake over a plain blocking socket, for smoke tests of servers the suite starts. Deliberately
 * independent of the driver: it proves the *server* speaks Bolt, so driver bugs cannot hide behind it.
 */
object BoltHandshakeProbe {
    private val MAGIC = byteArrayOf(0x60, 0x60, 0xB0.toByte(), 0x17)

    /** One 4-byte proposal: reserved, range (minors below [minor] also accepted), minor, major. */
    data class Proposal(val major: Int, val minor: Int, val range: Int = 0) {
        fun bytes(): ByteArray = byteArrayOf(0, range.toByte(), minor.toByte(), major.toByte())
    }

    /** Neo4j's answer to a proposal set: the agreed version, or 0.0 for "none in common". */
    data class Answer(val major: Int, val minor: Int, val raw: ByteArray) {
        override fun toString(): String = "Bolt $major.$minor (raw ${raw.joinToString(" ") { "%02X".format(it) }})"
    }

    /** The default offer: 5.8 down to 5.0, 4.4, 4.3 (no manifest: answered with one fixed version). */
    val DEFAULT: List<Proposal> = listOf(Proposal(5, 8, range = 8), Proposal(4, 4), Proposal(4, 3))

    /** Connects, sends the preamble and up to four proposals, reads the 4-byte answer and closes. */
    fun negotiate(host: String, port: Int, proposals: List<Proposal> = DEFAULT, timeoutMillis: Int = 10_000): Answer {
        require(proposals.size in 1..4) { "Bolt takes 1 to 4 proposals" }
        Socket().use { socket ->
            socket.soTimeout = timeoutMillis
            socket.connect(InetSocketAddress(host, port), timeoutMillis)
            val out = socket.getOutputStream()
            out.write(MAGIC)
            repeat(4) { i -> out.write(proposals.getOrNull(i)?.bytes() ?: ByteArray(4)) }
            out.flush()
            val answer = ByteArray(4)
            DataInputStream(socket.getInputStream()).readFully(answer)
            return Answer(major = answer[3].toInt() and 0xFF, minor = answer[2].toInt() and 0xFF, raw = answer)
        }
    }
}

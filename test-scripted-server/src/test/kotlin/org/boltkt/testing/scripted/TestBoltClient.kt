package org.boltkt.testing.scripted

import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.chunk.ChunkWriter
import org.boltkt.protocol.handshake.ClientHandshake
import org.boltkt.protocol.handshake.HandshakeProposals
import org.boltkt.protocol.handshake.HandshakeStep
import org.boltkt.protocol.handshake.NegotiatedProtocol
import org.boltkt.protocol.message.Request
import org.boltkt.protocol.message.RequestEncoder
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.ResponseDecoder
import org.boltkt.protocol.version.Capabilities
import java.io.Closeable
import java.io.EOFException
import java.net.Socket

/** A minimal blocking Bolt client built only from the protocol module, to drive the scripted server in its own tests. */
class TestBoltClient(port: Int, soTimeoutMillis: Int = 5_000) : Closeable {
    val socket = Socket("127.0.0.1", port).apply { soTimeout = soTimeoutMillis; tcpNoDelay = true }
    private val input = socket.getInputStream()
    private val output = socket.getOutputStream()
    private val reassembler = ChunkReassembler()
    private val pending = ArrayDeque<Response>()
    private val buffer = ByteArray(16 * 1024)
    lateinit var negotiated: NegotiatedProtocol
    lateinit var capabilities: Capabilities

    /** Sends the proposals and completes the handshake, returning the negotiated protocol. */
    fun handshake(proposals: HandshakeProposals = HandshakeProposals.DEFAULT, requestedCapabilities: Long = 0): NegotiatedProtocol {
        val h = ClientHandshake(proposals, requestedCapabilities)
        output.write(h.request()); output.flush()
        while (true) {
            val b = input.read()
            if (b < 0) throw EOFException("server closed during the handshake")
            when (val step = h.feed(byteArrayOf(b.toByte()))) {
                is HandshakeStep.NeedMoreBytes -> continue
                is HandshakeStep.Done -> return done(step.result)
                is HandshakeStep.SendThenDone -> { output.write(step.bytes); output.flush(); return done(step.result) }
            }
        }
    }

    private fun done(p: NegotiatedProtocol): NegotiatedProtocol {
        negotiated = p
        capabilities = Capabilities.of(p.version)
        return p
    }

    fun writeRaw(bytes: ByteArray) { output.write(bytes); output.flush() }

    fun send(vararg requests: Request) {
        for (r in requests) output.write(ChunkWriter.DEFAULT.frame(RequestEncoder.encodeToByteArray(r, capabilities)))
        output.flush()
    }

    /** The next response; EOFException when the server closed the connection. */
    fun receive(): Response {
        while (pending.isEmpty()) {
            val n = input.read(buffer)
            if (n < 0) throw EOFException("server closed the connection")
            reassembler.feed(buffer, 0, n) { b, o, l -> pending.addLast(ResponseDecoder.decode(b, capabilities, offset = o, length = l)) }
        }
        return pending.removeFirst()
    }

    /** Reads exactly [n] raw bytes. */
    fun readRaw(n: Int): ByteArray {
        val out = ByteArray(n)
        var filled = 0
        while (filled < n) {
            val k = input.read(out, filled, n - filled)
            if (k < 0) throw EOFException("EOF after $filled of $n bytes")
            filled += k
        }
        return out
    }

    /** -1 on EOF, else the next byte. */
    fun readByte(): Int = input.read()

    override fun close() = socket.close()
}

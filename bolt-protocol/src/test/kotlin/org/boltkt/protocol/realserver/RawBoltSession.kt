package org.boltkt.protocol.realserver

import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.chunk.ChunkWriter
import org.boltkt.protocol.handshake.ClientHandshake
import org.boltkt.protocol.handshake.HandshakeProposals
import org.boltkt.protocol.handshake.HandshakeStep
import org.boltkt.protocol.handshake.NegotiatedProtocol
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.BoltAgent
import org.boltkt.protocol.message.Hello
import org.boltkt.protocol.message.Logon
import org.boltkt.protocol.message.Pull
import org.boltkt.protocol.message.Request
import org.boltkt.protocol.message.RequestEncoder
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.ResponseDecoder
import org.boltkt.protocol.message.Run
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.version.Capabilities
import java.io.Closeable
import java.net.InetSocketAddress
import java.net.Socket

/**
 * Test-only: drives the protocol layer over a plain blocking socket, so the layer can be proven against real
 * servers before (and independently of) the client's transports. Every byte goes through bolt-protocol's own
 * handshake, chunking, encoder and decoder.
 */
class RawBoltSession private constructor(
    private val socket: Socket,
    val negotiated: NegotiatedProtocol,
    capabilities: Capabilities,
) : Closeable {
    /** Fixed after HELLO: a 4.4 server may accept the `utc` patch, which changes how date-times travel. */
    var capabilities: Capabilities = capabilities
        private set

    private val input = socket.getInputStream()
    private val output = socket.getOutputStream()
    private val reassembler = ChunkReassembler()
    private val pending = ArrayDeque<Response>()
    private val readBuffer = ByteArray(64 * 1024)

    fun send(vararg requests: Request) {
        for (request in requests) {
            output.write(ChunkWriter.DEFAULT.frame(RequestEncoder.encodeToByteArray(request, capabilities)))
        }
        output.flush()
    }

    fun receive(): Response {
        while (pending.isEmpty()) {
            val n = input.read(readBuffer)
            check(n >= 0) { "server closed the connection" }
            reassembler.feed(readBuffer, 0, n) { bytes, offset, length ->
                pending.addLast(ResponseDecoder.decode(bytes, capabilities, offset = offset, length = length))
            }
        }
        return pending.removeFirst()
    }

    /** The query's column names and rows; fails on anything but RUN SUCCESS, RECORDs, PULL SUCCESS. */
    fun query(cypher: String, parameters: Map<String, Value> = emptyMap()): QueryResult {
        send(Run(cypher, parameters), Pull())
        val runReply = receive()
        check(runReply is Response.Success) { "RUN of `$cypher` answered $runReply" }
        val keys = (runReply.metadata["fields"] as ListValue).values.map { (it as StringValue).value }
        val rows = mutableListOf<List<Value>>()
        while (true) {
            when (val r = receive()) {
                is Response.Record -> rows += r.fields
                is Response.Success -> return QueryResult(keys, rows)
                else -> error("PULL of `$cypher` answered $r")
            }
        }
    }

    override fun close() = socket.close()

    data class QueryResult(val keys: List<String>, val rows: List<List<Value>>) {
        /** The single row as a column-name map. */
        fun single(): Map<String, Value> = keys.zip(rows.single()).toMap()
    }

    companion object {
        /**
         * Connects, negotiates with [proposals], and authenticates. With [legacyDateTimes] a 4.4 session does not ask
         * for the `utc` patch, so date-times travel in the 4.x legacy form.
         */
        fun open(host: String, port: Int, user: String, password: String, proposals: HandshakeProposals, legacyDateTimes: Boolean = false): RawBoltSession {
            val socket = Socket()
            socket.soTimeout = 30_000
            socket.connect(InetSocketAddress(host, port), 10_000)
            val negotiated = handshake(socket, proposals)
            var caps = Capabilities.of(negotiated.version)
            if (legacyDateTimes) caps = caps.copy(requestsUtcPatch = false)
            val auth = AuthToken.basic(user, password)
            val hello = Hello(
                userAgent = "boltkt-protocol-tests/0.1",
                boltAgent = BoltAgent("boltkt/0.1.0-tests", language = "Kotlin/JVM"),
                auth = if (caps.logonLogoff) null else auth,
            )
            val session = RawBoltSession(socket, negotiated, caps)
            session.send(hello)
            val helloReply = session.receive()
            check(helloReply is Response.Success) { "HELLO answered $helloReply" }
            val patches = (helloReply.metadata["patch_bolt"] as? ListValue)?.values.orEmpty()
            if (StringValue("utc") in patches) session.capabilities = Capabilities.of(negotiated.version, utcPatch = true)
            if (caps.logonLogoff) {
                session.send(Logon(auth))
                val logonReply = session.receive()
                check(logonReply is Response.Success) { "LOGON answered $logonReply" }
            }
            return session
        }

        private fun handshake(socket: Socket, proposals: HandshakeProposals): NegotiatedProtocol {
            val hs = ClientHandshake(proposals)
            val output = socket.getOutputStream()
            output.write(hs.request())
            output.flush()
            var step: HandshakeStep = HandshakeStep.NeedMoreBytes(4)
            while (step is HandshakeStep.NeedMoreBytes) {
                val bytes = socket.getInputStream().readNBytes(step.count)
                check(bytes.size == step.count) { "server closed during the handshake" }
                step = hs.feed(bytes)
            }
            return when (step) {
                is HandshakeStep.Done -> step.result
                is HandshakeStep.SendThenDone -> step.result.also { output.write(step.bytes); output.flush() }
                is HandshakeStep.NeedMoreBytes -> error("unreachable")
            }
        }
    }
}

package org.boltkt.testing.scripted

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.chunk.ChunkWriter
import org.boltkt.protocol.handshake.HandshakeProposals
import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import java.io.BufferedOutputStream
import java.io.IOException
import java.io.InputStream
import java.net.Socket

/** Plays one [Script] on one accepted socket, on its own thread. */
internal class ConnectionRunner(
    private val server: ScriptedBoltServer,
    private val socket: Socket,
    private val script: Script?,
    val record: ConnectionRecord,
) : Runnable {
    private class Mismatch(message: String) : Exception(message)
    private class ClientGone : Exception()

    private val input: InputStream = socket.getInputStream()
    private val output = BufferedOutputStream(socket.getOutputStream(), 64 * 1024)
    private val reassembler = ChunkReassembler()
    private val pending = ArrayDeque<ReceivedRequest>()
    private val readBuffer = ByteArray(16 * 1024)
    private val context = ConnectionContext(record.index, server.hostAndPort, capabilitiesFor(BoltVersion.V5_0))
    private var step: String? = "handshake"

    @Volatile lateinit var thread: Thread

    private var caps: Capabilities
        get() = context.capabilities
        set(value) { context.capabilities = value }

    override fun run() {
        try {
            if (script == null) {
                throw Mismatch("unexpected connection #${record.index}: no script for it and no 'otherwise' script")
            }
            if (!handshake(script.handshake)) return
            if (runSteps(script.steps)) return
            record.scriptCompleted = true
            step = "after script (${script.afterScript})"
            afterScript(script.afterScript)
        } catch (m: Mismatch) {
            if (server.isClosing) finish(CloseReason.SERVER_SHUTDOWN) else {
                server.recordFailure(ScriptFailure(record.index, step, m.message ?: "mismatch"))
                finish(CloseReason.FAILURE)
            }
        } catch (_: ClientGone) {
            finish(if (server.isClosing) CloseReason.SERVER_SHUTDOWN else CloseReason.CLIENT)
        } catch (_: IOException) {
            finish(if (server.isClosing) CloseReason.SERVER_SHUTDOWN else CloseReason.CLIENT)
        } catch (_: InterruptedException) {
            finish(CloseReason.SERVER_SHUTDOWN)
        } catch (t: Throwable) {
            server.recordFailure(ScriptFailure(record.index, step, "scripted server error: $t"))
            finish(CloseReason.FAILURE)
        } finally {
            finish(CloseReason.SERVER_SHUTDOWN) // no-op when a reason was set already
            server.connectionEnded(this)
        }
    }

    /** Called by the server on close(): unblocks any read, write or sleep. */
    fun abort() {
        closeQuietly()
        if (::thread.isInitialized) thread.interrupt()
    }

    private fun finish(reason: CloseReason) {
        if (record.closeReason == null) record.closeReason = reason
        if (reason != CloseReason.CLIENT) runCatching { output.flush() }
        closeQuietly()
    }

    private fun closeQuietly() = runCatching { socket.close() }

    // ---- handshake ---------------------------------------------------------------------------------------

    /** Returns false when the connection is over (no answer / no common version). */
    private fun handshake(answer: HandshakeAnswer): Boolean {
        val request = readFully(20)
        record.handshakeRequest = request
        val magic = HandshakeProposals.magicPreamble()
        if (!request.copyOf(4).contentEquals(magic)) throw Mismatch("bad magic preamble: ${hex(request.copyOf(4))}")
        var version: BoltVersion? = null
        when (answer) {
            is HandshakeAnswer.Version -> { write(legacyAnswer(answer.version)); version = answer.version }
            is HandshakeAnswer.Negotiate -> {
                version = negotiate(request, answer.supported, answer.readsRanges)
                if (version == null) {
                    // Recorded before the answer goes out, so a client that sees the refusal also sees the failure.
                    server.recordFailure(ScriptFailure(record.index, step, "no common Bolt version: the client proposed ${describeSlots(request)}, the script supports ${answer.supported}"))
                    record.closeReason = CloseReason.FAILURE
                    write(ByteArray(4))
                    finish(CloseReason.FAILURE)
                    return false
                }
                write(legacyAnswer(version))
            }
            is HandshakeAnswer.Manifest -> version = manifest(answer)
            is HandshakeAnswer.Raw -> { write(answer.bytes); version = answer.speak }
            HandshakeAnswer.NoAnswer -> {
                record.scriptCompleted = true
                stall()
                return false
            }
        }
        flush()
        record.version = version
        caps = capabilitiesFor(version ?: BoltVersion.V5_0)
        return true
    }

    private fun manifest(answer: HandshakeAnswer.Manifest): BoltVersion {
        write(HandshakeProposals.manifestV1Marker())
        write(varInt(answer.offered.size.toLong()))
        answer.offered.forEach { r -> write(ByteArray(4).also { r.writeTo(it, 0) }) }
        write(varInt(answer.capabilities))
        flush()
        step = "handshake (client's manifest choice)"
        val choice = readFully(4)
        val caps = readVarInt()
        record.clientCapabilities = caps
        val chosen = BoltVersion(choice[3].toInt() and 0xFF, choice[2].toInt() and 0xFF)
        record.version = chosen
        if (choice[0].toInt() != 0 || choice[1].toInt() != 0 || answer.offered.none { chosen in it }) {
            throw Mismatch("client chose ${hex(choice)} ($chosen), not among the offered ${answer.offered}")
        }
        if (caps and answer.capabilities.inv() != 0L) {
            throw Mismatch("client accepted capabilities 0x${caps.toString(16)} the server did not offer (0x${answer.capabilities.toString(16)})")
        }
        return chosen
    }

    private fun negotiate(request: ByteArray, supported: List<VersionRange>, readsRanges: Boolean): BoltVersion? {
        for (slot in 0 until 4) {
            val at = 4 + slot * 4
            if (request[at + 2].toInt() == 1 && (request[at + 3].toInt() and 0xFF) == 0xFF) continue // manifest marker
            val range = runCatching { VersionRange.readFrom(request, at) }.getOrNull() ?: continue
            if (range.major == 0) continue
            val lowest = if (readsRanges) range.minMinor else range.maxMinor
            val common = (range.maxMinor downTo lowest).map { BoltVersion(range.major, it) }
                .firstOrNull { v -> supported.any { v in it } }
            if (common != null) return common
        }
        return null
    }

    private fun describeSlots(request: ByteArray): String = (0 until 4).joinToString(", ") { hex(request.copyOfRange(4 + it * 4, 8 + it * 4)) }

    private fun legacyAnswer(v: BoltVersion) = byteArrayOf(0, 0, v.minor.toByte(), v.major.toByte())

    private fun readVarInt(): Long {
        var value = 0L
        for (i in 0 until 10) {
            val b = readFully(1)[0].toInt()
            value = value or ((b and 0x7F).toLong() shl (7 * i))
            if (b and 0x80 == 0) return value
        }
        throw Mismatch("client's capability VarInt is longer than 10 bytes")
    }

    // ---- steps ------------------------------------------------------------------------------------------

    /** Returns true when a terminal step ended the connection. */
    private fun runSteps(steps: List<Step>): Boolean {
        for (s in steps) {
            step = s.toString()
            when (s) {
                is Step.Expect -> {
                    flush()
                    val r = nextRequest() ?: throw ClientGone()
                    check(r, s.kind, s.matcher)
                }
                is Step.Optional -> {
                    flush()
                    val r = peekRequest() ?: throw ClientGone()
                    if (r.kind == s.kind) {
                        pending.removeFirst()
                        check(r, s.kind, s.matcher)
                        if (runSteps(s.steps)) return true
                    }
                }
                is Step.Reply -> send(s.response, lastRequest)
                is Step.ReplyWith -> {
                    val replies = try {
                        s.compute(lastRequest, context)
                    } catch (t: Throwable) {
                        throw Mismatch("replyWith failed on $lastRequest: $t")
                    }
                    replies.forEach { send(it, lastRequest) }
                }
                is Step.ReplyStruct -> write(ChunkWriter.DEFAULT.frame(ResponseEncoder.encodeStruct(s.signature, s.fields, caps.valueFormat)))
                is Step.SendRaw -> write(s.bytes)
                is Step.Delay -> { flush(); Thread.sleep(s.millis) }
                Step.Stall -> { record.scriptCompleted = true; flush(); stall(); return true }
                Step.HalfClose -> {
                    record.scriptCompleted = true
                    flush()
                    runCatching { socket.shutdownOutput() }
                    while (input.read(readBuffer) >= 0) { /* whatever the client still sends, until it closes */ }
                    finish(if (server.isClosing) CloseReason.SERVER_SHUTDOWN else CloseReason.CLIENT)
                    return true
                }
                is Step.Close -> {
                    record.scriptCompleted = true
                    flush()
                    if (s.reset) runCatching { socket.setSoLinger(true, 0) }
                    finish(CloseReason.SCRIPT)
                    return true
                }
                is Step.Serve -> { record.scriptCompleted = true; serve(s.responder); return true }
            }
        }
        return false
    }

    private var lastRequest: ReceivedRequest? = null

    private fun check(r: ReceivedRequest, kind: RequestKind?, matcher: ((ReceivedRequest) -> Unit)?) {
        if (kind != null && r.kind != kind) throw Mismatch("expected $kind but the client sent $r")
        if (matcher != null) {
            try {
                matcher(r)
            } catch (t: Throwable) {
                throw Mismatch("${kind ?: "request"} did not match: ${t.message ?: t} (received $r)")
            }
        }
    }

    private fun send(response: Response, to: ReceivedRequest?) {
        write(ChunkWriter.DEFAULT.frame(ResponseEncoder.encode(response, caps)))
        // A 4.3/4.4 server that accepts the `utc` patch switches to UTC date-times right after HELLO SUCCESS.
        if (to?.kind == RequestKind.HELLO && response is Response.Success && (caps.version == BoltVersion.V4_3 || caps.version == BoltVersion.V4_4)) {
            val patches = response.metadata["patch_bolt"] as? ListValue
            if (patches?.values?.contains(StringValue("utc")) == true) caps = Capabilities.of(caps.version, utcPatch = true)
        }
    }

    private fun stall() {
        flush()
        try {
            while (true) { if (nextRequest() == null) break }
        } catch (_: Mismatch) {
            while (input.read(readBuffer) >= 0) { /* undecodable input: keep draining until EOF */ }
        }
        finish(if (server.isClosing) CloseReason.SERVER_SHUTDOWN else CloseReason.CLIENT)
    }

    private fun serve(responder: Responder) {
        step = "serve"
        while (true) {
            flush()
            val r = nextRequest() ?: throw ClientGone()
            if (r.kind == RequestKind.GOODBYE) { finish(CloseReason.GOODBYE); return }
            val replies = try {
                responder.respond(r, context)
            } catch (close: CloseAfter) {
                close.replies.forEach { send(it, r) }
                finish(CloseReason.SCRIPT)
                return
            } catch (t: Throwable) {
                throw Mismatch("responder failed on $r: $t")
            } ?: throw Mismatch("unexpected request while serving: $r")
            replies.forEach { send(it, r) }
        }
    }

    private fun afterScript(mode: AfterScript) {
        if (mode == AfterScript.CLOSE) { finish(CloseReason.SCRIPT); return }
        while (true) {
            flush()
            val r = nextRequest() ?: throw ClientGone()
            when {
                mode == AfterScript.AUTO && r.kind == RequestKind.RESET -> send(success(), r)
                mode == AfterScript.AUTO && r.kind == RequestKind.GOODBYE -> { finish(CloseReason.GOODBYE); return }
                else -> throw Mismatch("unexpected request after the script ended: $r")
            }
        }
    }

    // ---- I/O ------------------------------------------------------------------------------------------

    private fun peekRequest(): ReceivedRequest? {
        while (pending.isEmpty()) if (!readMore()) return null
        return pending.first()
    }

    private fun nextRequest(): ReceivedRequest? = peekRequest()?.also { pending.removeFirst(); lastRequest = it }

    /** Reads once and decodes what completed; false on EOF. */
    private fun readMore(): Boolean {
        val n = input.read(readBuffer)
        if (n < 0) {
            if (reassembler.hasPartialMessage) throw ClientGone()
            return false
        }
        try {
            reassembler.feed(readBuffer, 0, n) { bytes, offset, length ->
                val r = RequestDecoder.decode(bytes, caps.valueFormat, offset, length)
                record.log(r)
                pending.addLast(r)
            }
        } catch (e: BoltProtocolException) {
            throw Mismatch("undecodable message from the client: ${e.message}")
        }
        return true
    }

    private fun readFully(n: Int): ByteArray {
        val out = ByteArray(n)
        var filled = 0
        while (filled < n) {
            val k = input.read(out, filled, n - filled)
            if (k < 0) throw ClientGone()
            filled += k
        }
        return out
    }

    private fun write(bytes: ByteArray) = output.write(bytes)

    private fun flush() = output.flush()

    companion object {
        fun capabilitiesFor(version: BoltVersion): Capabilities = try {
            Capabilities.of(version)
        } catch (_: IllegalArgumentException) {
            Capabilities.of(if (version.major >= 6) BoltVersion.V6_0 else if (version.major == 5) BoltVersion.V5_0 else BoltVersion.V4_3)
        }

        fun varInt(value: Long): ByteArray {
            val out = ArrayList<Byte>(10)
            var v = value
            do {
                var b = (v and 0x7F).toInt()
                v = v ushr 7
                if (v != 0L) b = b or 0x80
                out += b.toByte()
            } while (v != 0L)
            return out.toByteArray()
        }

        fun hex(b: ByteArray): String = b.joinToString(" ") { "%02X".format(it.toInt() and 0xFF) }
    }
}

package org.boltkt.testing.scripted

import org.boltkt.protocol.handshake.VersionRange
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities

/** How the server answers the client's 20 handshake bytes (it always reads them first). */
sealed interface HandshakeAnswer {
    /**
     * Legacy negotiation like a real server: walk the client's slots in order and pick the highest version of the
     * first slot that overlaps [supported]. No overlap: answer `00 00 00 00`, record a failure and close.
     * The manifest marker slot is ignored. [readsRanges] false behaves like Neo4j 4.2 and older: each slot is one
     * exact version, its range byte ignored.
     */
    data class Negotiate(val supported: List<VersionRange>, val readsRanges: Boolean = true) : HandshakeAnswer

    /** Answer `00 00 minor major` with [version], whatever the client proposed. */
    data class Version(val version: BoltVersion) : HandshakeAnswer

    /**
     * Manifest v1 (5.7+): send `00 00 01 FF`, the [offered] ranges and the [capabilities] mask, then read the
     * client's choice (4 bytes + VarInt); a choice outside [offered] is recorded as a failure.
     */
    data class Manifest(val offered: List<VersionRange>, val capabilities: Long = 0) : HandshakeAnswer

    /**
     * Send [bytes] verbatim (e.g. `00 00 00 00`, `HTTP/1.1 400`, a version nobody proposed). When [speak] is set
     * the script then continues as if that version was negotiated; otherwise requests are decoded as Bolt 5.0.
     */
    class Raw(val bytes: ByteArray, val speak: BoltVersion? = null) : HandshakeAnswer {
        override fun toString(): String = "Raw(${bytes.size} bytes, speak=$speak)"
    }

    /** Read the handshake and never answer; the connection stays open until the client or the server closes. */
    data object NoAnswer : HandshakeAnswer

    companion object {
        /** What [ScriptBuilder] uses when the script names no handshake: Bolt 5.8–5.0, 4.4 and 4.3. */
        val DEFAULT: HandshakeAnswer = Negotiate(listOf(VersionRange(5, 8, 0), VersionRange(4, 4, 3)))
    }
}

/** What happens when a connection reaches the end of its script. */
enum class AfterScript {
    /** Answer RESET with SUCCESS, close on GOODBYE or EOF; any other request is a failure (and closes). */
    AUTO,

    /** Any further request is a failure (and closes); EOF is fine. */
    STRICT,

    /** Close the connection at once. */
    CLOSE,
}

/** State a [Responder] may use: the connection, its negotiated version and the server's address. */
class ConnectionContext internal constructor(
    /** 0-based index of this connection in accept order. */
    val index: Int,
    /** `127.0.0.1:port` of the scripted server. */
    val serverAddress: String,
    capabilities: Capabilities,
) {
    /** Capabilities of the negotiated version (decoding and encoding follow them). */
    @Volatile
    var capabilities: Capabilities = capabilities
        internal set

    /** Free for a responder to keep per-connection state in. */
    val attributes: MutableMap<String, Any?> = HashMap()
}

/**
 * Answers one request in a [ScriptBuilder.serve] loop; null means "unexpected" (recorded as a failure, then close).
 * Throwing [CloseAfter] sends its replies and then closes the connection (not a failure): a server dying mid-stream.
 */
fun interface Responder {
    fun respond(request: ReceivedRequest, context: ConnectionContext): List<Response>?
}

/** Thrown by a [Responder] to send [replies] and then close the connection on purpose. */
class CloseAfter(val replies: List<Response> = emptyList()) : RuntimeException("close after ${replies.size} replies", null, false, false)

/** One step of a connection script. Built with [ScriptBuilder]; immutable. */
sealed interface Step {
    /** Read the next request; it must be of [kind] (any kind when null) and pass [matcher] (which throws on mismatch). */
    class Expect(val kind: RequestKind?, val matcher: ((ReceivedRequest) -> Unit)?) : Step {
        override fun toString(): String = "expect ${kind ?: "any request"}"
    }

    /** If the next request is of [kind], consume it (checking [matcher]) and play [steps]; otherwise do nothing. */
    class Optional(val kind: RequestKind, val matcher: ((ReceivedRequest) -> Unit)?, val steps: List<Step>) : Step {
        override fun toString(): String = "optional $kind"
    }

    /** Send [response], encoded per the negotiated capabilities. */
    data class Reply(val response: Response) : Step {
        override fun toString(): String = "reply $response"
    }

    /** Send the responses [compute] derives from the last request received (null before any) and the connection. */
    class ReplyWith(val compute: (ReceivedRequest?, ConnectionContext) -> List<Response>) : Step {
        override fun toString(): String = "reply computed"
    }

    /** Send a hand-made structure as one chunked message. */
    class ReplyStruct(val signature: Int, val fields: List<Value>) : Step {
        override fun toString(): String = "reply struct 0x%02X".format(signature)
    }

    /** Write [bytes] verbatim, no chunking. */
    class SendRaw(val bytes: ByteArray) : Step {
        override fun toString(): String = "send ${bytes.size} raw bytes"
    }

    /** Flush what was written and sleep. */
    data class Delay(val millis: Long) : Step

    /** Terminal: answer nothing more; requests are still read and logged, the socket stays open until either side closes. */
    data object Stall : Step

    /**
     * Terminal: end the server's side of the stream (FIN after everything sent) but keep reading until the client
     * closes, so the client reads every byte sent before the end of stream, never a reset over unread requests.
     */
    data object HalfClose : Step

    /** Terminal: close the socket (FIN), or reset it (RST) when [reset]. */
    data class Close(val reset: Boolean = false) : Step

    /** Terminal: answer every request with [responder] until the client closes or sends GOODBYE. */
    class Serve(val responder: Responder) : Step {
        override fun toString(): String = "serve"
    }
}

/** A complete per-connection script. */
class Script(val handshake: HandshakeAnswer, val steps: List<Step>, val afterScript: AfterScript) {
    override fun toString(): String = "Script(handshake=$handshake, ${steps.size} steps, after=$afterScript)"

    companion object {
        /** Builds a script with the DSL. */
        fun build(block: ScriptBuilder.() -> Unit): Script = ScriptBuilder().apply(block).build()
    }
}

@DslMarker
annotation class ScriptDsl

/**
 * The per-connection script DSL. Steps run in order; replies are flushed before every read, delay and terminal step.
 *
 * ```
 * handshake(BoltVersion(5, 4))
 * expect(RequestKind.HELLO) { it.extraNative["user_agent"] shouldBe "x" }
 * reply(success("server" to "Neo4j/5.26.0", "connection_id" to "bolt-1"))
 * ```
 */
@ScriptDsl
class ScriptBuilder {
    private var handshake: HandshakeAnswer? = null
    private val steps = ArrayList<Step>()
    private var after = AfterScript.AUTO
    private var terminated = false

    /** Sets the handshake answer; only once, before the first step. Without it [HandshakeAnswer.DEFAULT] applies. */
    fun handshake(answer: HandshakeAnswer) {
        check(handshake == null) { "handshake already set" }
        check(steps.isEmpty()) { "the handshake comes before every other step" }
        handshake = answer
    }

    /** Legacy answer with exactly [version]. */
    fun handshake(version: BoltVersion): Unit = handshake(HandshakeAnswer.Version(version))

    /** Real-server-like legacy negotiation among [supported]. */
    fun handshakeNegotiate(vararg supported: VersionRange): Unit = handshake(HandshakeAnswer.Negotiate(supported.toList()))

    /** Like [handshakeNegotiate], but each slot read as one exact version, as Neo4j 4.2 and older servers do. */
    fun handshakeNegotiateExact(vararg supported: VersionRange): Unit =
        handshake(HandshakeAnswer.Negotiate(supported.toList(), readsRanges = false))

    /** Manifest v1 answer offering [offered] and [capabilities]. */
    fun handshakeManifest(vararg offered: VersionRange, capabilities: Long = 0): Unit =
        handshake(HandshakeAnswer.Manifest(offered.toList(), capabilities))

    /** Raw bytes as the answer; see [HandshakeAnswer.Raw]. */
    fun handshakeRaw(bytes: ByteArray, speak: BoltVersion? = null): Unit = handshake(HandshakeAnswer.Raw(bytes, speak))

    /** Never answer the handshake. */
    fun handshakeNoAnswer(): Unit = handshake(HandshakeAnswer.NoAnswer)

    /** Expect a request of [kind]; [matcher] may inspect it and throw (e.g. a failed `shouldBe`) to reject it. */
    fun expect(kind: RequestKind, matcher: ((ReceivedRequest) -> Unit)? = null): Unit = add(Step.Expect(kind, matcher))

    /** Expect any single request; [matcher] may reject it by throwing. */
    fun expectAny(matcher: ((ReceivedRequest) -> Unit)? = null): Unit = add(Step.Expect(null, matcher))

    /** If the next request is [kind] (e.g. TELEMETRY), consume it and play [then]; otherwise skip. */
    fun optional(kind: RequestKind, matcher: ((ReceivedRequest) -> Unit)? = null, then: ScriptBuilder.() -> Unit = {}) {
        val nested = ScriptBuilder().apply(then)
        check(nested.handshake == null) { "no handshake inside optional" }
        add(Step.Optional(kind, matcher, nested.steps.toList()))
    }

    /** Send [response]. */
    fun reply(response: Response): Unit = add(Step.Reply(response))

    /** Send several responses in order. */
    fun reply(vararg responses: Response): Unit = responses.forEach { reply(it) }

    /** Send responses computed from the last received request, e.g. to echo a bookmark or the negotiated version. */
    fun replyWith(compute: (request: ReceivedRequest?, context: ConnectionContext) -> List<Response>): Unit = add(Step.ReplyWith(compute))

    /** Send a hand-made structure message (natives or [Value]s as fields). */
    fun replyStruct(signature: Int, vararg fields: Any?): Unit = add(Step.ReplyStruct(signature, fields.map(::toValue)))

    /** Write [bytes] exactly as given (no chunk framing): garbage, hand-crafted chunks, a truncated message. */
    fun sendRaw(bytes: ByteArray): Unit = add(Step.SendRaw(bytes.copyOf()))

    /** Send a NOOP keep-alive chunk `00 00`. */
    fun noop(): Unit = add(Step.SendRaw(ByteArray(2)))

    /** Flush and pause for [millis]. */
    fun delay(millis: Long): Unit = add(Step.Delay(millis))

    /** Stop answering and keep the socket open (terminal). */
    fun stall(): Unit = terminal(Step.Stall)

    /** End the output after what was sent and read until the client closes (terminal); see [Step.HalfClose]. */
    fun halfClose(): Unit = terminal(Step.HalfClose)

    /** Close the socket now (terminal). */
    fun closeConnection(): Unit = terminal(Step.Close(reset = false))

    /** Abort the socket with a TCP RST (terminal): the client sees "connection reset". */
    fun resetConnection(): Unit = terminal(Step.Close(reset = true))

    /** Answer every further request with [responder] (terminal); see also [serveDefaults]. */
    fun serve(responder: Responder): Unit = terminal(Step.Serve(responder))

    /** Sets what happens once the steps are done; [AfterScript.AUTO] by default. */
    fun afterScript(mode: AfterScript) { after = mode }

    /** Shorthand: expect HELLO and answer with a typical SUCCESS. */
    fun hello(server: String = "Neo4j/5.26.0", connectionId: String = "bolt-1", vararg extra: Pair<String, Any?>) {
        expect(RequestKind.HELLO)
        reply(success("server" to server, "connection_id" to connectionId, *extra))
    }

    /** Shorthand: expect LOGON and answer SUCCESS. */
    fun logon() { expect(RequestKind.LOGON); reply(success()) }

    private fun terminal(step: Step) { add(step); terminated = true }

    private fun add(step: Step) {
        check(!terminated) { "no steps after a terminal step (stall, closeConnection, resetConnection, serve)" }
        steps += step
    }

    fun build(): Script = Script(handshake ?: HandshakeAnswer.DEFAULT, steps.toList(), after)
}

/** Scripts for successive connections: the n-th [connection] serves the n-th accepted connection, then [otherwise]. */
@ScriptDsl
class ServerScriptsBuilder {
    private val scripts = ArrayList<Script>()
    private var fallback: Script? = null

    /** The script of the next connection in accept order. */
    fun connection(block: ScriptBuilder.() -> Unit) { scripts += Script.build(block) }

    /** The script of every connection beyond the listed ones. Without it, such a connection is a failure and is closed. */
    fun otherwise(block: ScriptBuilder.() -> Unit) { fallback = Script.build(block) }

    fun build(): ServerScripts = ServerScripts(scripts.toList(), fallback)
}

/**
 * Which script the connection with a given index plays: the listed [scripts] in accept order, then [fallback]; or,
 * built with a picker, whatever the picker returns when the connection is accepted (on the acceptor thread).
 */
class ServerScripts(val scripts: List<Script>, val fallback: Script?) {
    private var picker: ((Int) -> Script?)? = null

    /**
     * Scripts chosen by [pick] as each connection is accepted, so one server can play a new script per connection
     * (a fuzz target's input each time) without being restarted. [pick] runs on the acceptor thread; null closes
     * the connection as unexpected.
     */
    constructor(pick: (index: Int) -> Script?) : this(emptyList(), null) { picker = pick }

    fun forConnection(index: Int): Script? = picker?.invoke(index) ?: scripts.getOrNull(index) ?: fallback
}

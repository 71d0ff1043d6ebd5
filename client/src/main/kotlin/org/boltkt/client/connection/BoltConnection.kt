package org.boltkt.client.connection

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.Transport
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.chunk.ChunkWriter
import org.boltkt.protocol.message.Discard
import org.boltkt.protocol.message.PULL_ALL
import org.boltkt.protocol.message.Pull
import org.boltkt.protocol.message.Request
import org.boltkt.protocol.message.RequestEncoder
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.RecordDecoder
import org.boltkt.protocol.message.ResponseDecoder
import org.boltkt.protocol.message.UnsupportedByVersionException
import org.boltkt.protocol.packstream.DecodeLimits
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.state.ConnectionStateMachine
import org.boltkt.protocol.state.ResponseOutcome
import org.boltkt.protocol.state.ServerState
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds
import java.nio.ByteBuffer

/**
 * One Bolt connection: requests are encoded for the negotiated [capabilities], framed and buffered by [enqueue],
 * written by [flush]; responses are read, reassembled and decoded in order by [receive]. Pipelining is simply
 * enqueueing several requests before one flush: answers come back in the same order (the server's FIFO).
 *
 * Every request and response passes the pure [ConnectionStateMachine], so a request the server would refuse is
 * refused before it is sent, and an out-of-place response is a protocol error.
 *
 * Not thread-safe: one coroutine at a time (a session owns the connection between acquire and release).
 * Any failure of the transport, any protocol error and any cancellation while writing or reading leaves the
 * stream in an unknown position, so the connection becomes *broken* ([isReusable] false) and its transport is
 * closed; it is never RESET and reused.
 */
internal class BoltConnection(
    private val transport: Transport,
    val address: ServerAddress,
    capabilities: Capabilities,
    private val limits: DecodeLimits,
    maxMessageSize: Int,
    private val nanoTime: () -> Long = System::nanoTime,
    private val timeouts: IoTimeouts = IoTimeouts.NONE,
) {
    /** Replaced once after HELLO when a 4.3/4.4 server accepted the `utc` patch. */
    var capabilities: Capabilities = capabilities
        private set

    /** The credentials this connection is currently authenticated with (LOGON can change them on 5.1+). */
    var auth: org.boltkt.protocol.message.AuthToken? = null
        internal set

    /** What HELLO's SUCCESS told about the server (agent, connection id, hints). */
    var server: ServerHello = ServerHello.UNKNOWN
        internal set

    /** The opt-in TRACE log of every message (`DriverConfig.boltMessageLogging`); null when off. */
    var messageLog: BoltMessageLog? = null

    /** The server speaks Bolt 5.4+ and asked in HELLO for TELEMETRY before each unit of work. */
    val wantsTelemetry: Boolean get() = capabilities.telemetry && server.telemetryEnabled

    private val state = ConnectionStateMachine(capabilities.version)
    private val packer = PackStreamWriter(512)
    private var outbox = ByteArray(4096)
    private var outboxSize = 0
    private val readBuffer: ByteBuffer = ByteBuffer.allocate(READ_BUFFER_SIZE)
    private val reassembler = ChunkReassembler(maxMessageSize)
    private val inbox = ArrayDeque<Response>()
    private var broken = false

    /**
     * When set, RECORD messages read from the transport are decoded by it (typed results, straight from the bytes)
     * into [Response.DecodedRecord]s instead of values. Set by a result cursor only around its own reads.
     */
    var recordDecoder: RecordDecoder? = null

    /** Created on the first bounded read or write (see [IoTimeouts]). */
    private var watchdog: IoWatchdog? = null

    val createdAtNanos: Long = nanoTime()

    /** Last time the connection completed an exchange or was returned to the pool; for liveness and idle checks. */
    var lastUsedNanos: Long = createdAtNanos
        private set

    /** Requests sent or buffered whose final answer (SUCCESS, FAILURE or IGNORED) has not been received. */
    val pendingCount: Int get() = state.pendingCount

    /** The server state proved by the answers received so far. */
    val serverState: ServerState get() = state.serverState

    /** Open, not broken, nothing pending and the server READY: safe to hand to another user. */
    val isReusable: Boolean
        get() = !broken && !authorizationExpired && transport.isOpen && outboxSize == 0 && state.pendingCount == 0 && state.serverState == ServerState.Ready

    val isOpen: Boolean get() = !broken && transport.isOpen

    /** Adopts capabilities learnt during HELLO (the 4.3/4.4 `utc` patch). Only before any other exchange. */
    fun upgradeCapabilities(upgraded: Capabilities) {
        require(upgraded.version == capabilities.version) { "capabilities of another version: ${upgraded.version}" }
        capabilities = upgraded
    }

    /**
     * Encodes [request] into the outbox; [flush] sends it. Refused (with [BoltProtocolException]) when the server
     * state does not allow it; a request the negotiated version cannot express fails with
     * [org.boltkt.protocol.message.UnsupportedByVersionException], a value that cannot be sent (a graph value from a
     * result, a vector before Bolt 6, a UUID before Bolt 6.1) with [RequestEncodingException]. Nothing is buffered on failure, so the
     * connection stays usable after either.
     */
    fun enqueue(request: Request) {
        check(!broken) { "connection to $address is broken" }
        packer.reset()
        try {
            RequestEncoder.encode(request, capabilities, packer)
        } catch (e: UnsupportedByVersionException) {
            throw e
        } catch (e: IllegalArgumentException) {
            throw RequestEncodingException(request.kind.name, e, capabilities.version)
        }
        // Before Bolt 4.0 every PULL/DISCARD is PULL_ALL/DISCARD_ALL, whatever n the caller asked for.
        val exhausts = (request is Pull && (request.n == PULL_ALL || !capabilities.pullN)) ||
            (request is Discard && (request.n == PULL_ALL || !capabilities.pullN))
        state.beforeSend(request.kind, exhaustsResult = exhausts)
        messageLog?.sent(request)
        val framed = ChunkWriter.DEFAULT.framedSize(packer.size)
        if (outboxSize + framed > outbox.size) outbox = outbox.copyOf(maxOf(outbox.size * 2, outboxSize + framed))
        outboxSize += ChunkWriter.DEFAULT.frameInto(packer.buffer(), 0, packer.size, outbox, outboxSize)
    }

    /** Writes everything enqueued. On any failure or cancellation the connection is broken and closed. */
    suspend fun flush() {
        if (outboxSize == 0) return
        val bytes = ByteBuffer.wrap(outbox, 0, outboxSize)
        guarded { writeBounded(bytes) }
        outboxSize = 0
        if (outbox.size > RETAINED_OUTBOX_SIZE) outbox = ByteArray(4096)
    }

    /**
     * The one request/answer step of every exchange that expects a single final answer (BEGIN, COMMIT, ROLLBACK,
     * ROUTE, TELEMETRY, HELLO, LOGON, LOGOFF, the RUN of a query): sends [request] and returns its SUCCESS
     * metadata; failures as [awaitSuccess] says.
     */
    suspend fun request(request: Request): Map<String, Value> {
        enqueue(request)
        flush()
        return awaitSuccess(request.kind)
    }

    /**
     * Reads the answer of the oldest pending request, a [kind] sent earlier (pipelined), and returns its SUCCESS
     * metadata. A FAILURE is thrown as [ServerFailureException] (the connection stays in sync: the holder releases
     * it and it is RESET). IGNORED is accepted (empty metadata) only when [ignoredIsFine]; IGNORED otherwise, or a
     * RECORD, breaks the protocol: the connection is closed and a [BoltProtocolException] thrown.
     */
    suspend fun awaitSuccess(kind: RequestKind, ignoredIsFine: Boolean = false): Map<String, Value> =
        when (val answer = receive()) {
            is Response.Success -> answer.metadata
            is Response.Failure -> throw ServerFailureException(answer, address)
            Response.Ignored -> if (ignoredIsFine) emptyMap() else unexpected(kind, answer)
            is Response.Record, is Response.DecodedRecord -> unexpected(kind, answer)
        }

    private fun unexpected(kind: RequestKind, answer: Response): Nothing {
        close()
        throw BoltProtocolException("$kind answered with $answer")
    }

    /**
     * The next response, in request order. RECORDs belong to the oldest pending PULL. Suspends reading from the
     * transport as needed. On end of stream, transport failure, protocol error or cancellation the connection is
     * broken and closed, and the failure propagates ([ServerClosedConnectionException] for end of stream).
     */
    suspend fun receive(): Response {
        check(state.pendingCount > 0) { "receive() with no request pending on $address" }
        while (inbox.isEmpty()) readMore()
        val response = inbox.removeFirst()
        messageLog?.received(response)
        guarded {
            state.onResponse(
                when (response) {
                    is Response.Success -> ResponseOutcome.Success(hasMore = response.metadata["has_more"] == BooleanValue.TRUE)
                    is Response.Record, is Response.DecodedRecord -> ResponseOutcome.Record
                    Response.Ignored -> ResponseOutcome.Ignored
                    is Response.Failure -> ResponseOutcome.Failure
                },
            )
        }
        if (response !is Response.Record && response !is Response.DecodedRecord) lastUsedNanos = nanoTime()
        if (response is Response.Failure && response.code == AUTHORIZATION_EXPIRED) authorizationExpired = true
        return response
    }

    /**
     * The server said this connection's authorization expired (`Neo.ClientError.Security.AuthorizationExpired`).
     * Such a connection is never reused (no RESET either: it is closed when released), and its pool treats every
     * connection it had open at that moment as stale (see [org.boltkt.client.pool.ConnectionPool.release]).
     */
    @Volatile
    var authorizationExpired: Boolean = false
        private set

    /**
     * Another connection to the same server was told its authorization expired while this one was open: before its
     * next use it logs on again (Bolt 5.1+ LOGOFF/LOGON, even with the same credentials). Cleared by that re-logon.
     */
    @Volatile
    var reauthenticationRequired: Boolean = false

    /**
     * The next response without suspending, only when it is a RECORD already read and decoded; null otherwise
     * (nothing buffered, or the next answer is not a RECORD: use [receive]). Streaming takes this path for all but
     * the first record of each socket read, so a record costs no coroutine frame. Failures break the connection,
     * as in [receive].
     */
    fun receiveBufferedRecord(): Response? {
        val next = inbox.firstOrNull() ?: return null
        if (next !is Response.Record && next !is Response.DecodedRecord) return null
        guarded { state.onResponse(ResponseOutcome.Record) }
        inbox.removeFirst()
        messageLog?.received(next)
        return next
    }

    /**
     * True when the answers already read and decoded hold, after nothing but RECORDs, a SUCCESS with `has_more`: the
     * server ended the current PULL's batch and waits for the next PULL, which may then be sent before those RECORDs
     * are taken (a result's fetch-ahead). Never reads, never changes state.
     */
    fun bufferedBatchEndHasMore(): Boolean {
        // Most reads end inside a batch: only a read whose last answer is a SUCCESS needs the walk.
        if (inbox.lastOrNull() !is Response.Success) return false
        for (answer in inbox) {
            when (answer) {
                is Response.Record, is Response.DecodedRecord -> continue
                is Response.Success -> return answer.metadata["has_more"] == BooleanValue.TRUE
                else -> return false
            }
        }
        return false
    }

    private suspend fun readMore() {
        readBuffer.clear()
        val n = guarded { readWithServerHint() }
        if (n < 0) {
            markBroken()
            throw ServerClosedConnectionException(address, reassembler.hasPartialMessage)
        }
        guarded {
            reassembler.feed(readBuffer.array(), 0, n) { bytes, offset, length ->
                inbox.addLast(ResponseDecoder.decode(bytes, capabilities, limits, offset, length, recordDecoder))
            }
        }
    }

    /**
     * Brings an in-sync connection back to READY: RESET, then reads every answer still pending (IGNORED or
     * otherwise) until RESET's own. Returns whether the server is READY. Failures break the connection (see class).
     */
    suspend fun resetAndDrain(): Boolean {
        enqueue(org.boltkt.protocol.message.Reset)
        flush()
        var last: Response? = null
        while (state.pendingCount > 0) last = receive()
        return last is Response.Success && state.serverState == ServerState.Ready
    }

    /**
     * One transport read, bounded by the shorter of the server's `connection.recv_timeout_seconds` hint (a server
     * that hints it promises to send something, at least NOOP chunks, within it) and the driver's read timeout: silence
     * for longer means the connection is dead. The [IoWatchdog] closes the transport under a read waiting that long.
     */
    private suspend fun readWithServerHint(): Int {
        val hint = server.receiveTimeoutSeconds?.seconds
        val byHint = hint != null && hint <= timeouts.read
        val bound = if (byHint) hint!! else timeouts.read
        if (bound == Duration.INFINITE) return transport.read(readBuffer)
        val dog = watchdog()
        dog.started(bound.inWholeNanoseconds)
        try {
            return transport.read(readBuffer)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Throwable) {
            if (dog.fired) throw ReceiveTimeoutException(address, bound, byHint)
            throw e
        } finally {
            dog.ended()
        }
    }

    /** Writes [bytes] in slices of [IoTimeouts.WRITE_SLICE], each bounded by the write timeout (see [IoTimeouts]). */
    private suspend fun writeBounded(bytes: ByteBuffer) {
        if (timeouts.write == Duration.INFINITE) return transport.writeFully(bytes)
        val dog = watchdog()
        val end = bytes.limit()
        while (bytes.hasRemaining()) {
            bytes.limit(minOf(end, bytes.position() + IoTimeouts.WRITE_SLICE))
            dog.started(timeouts.write.inWholeNanoseconds)
            try {
                transport.writeFully(bytes)
            } catch (e: CancellationException) {
                throw e
            } catch (e: Throwable) {
                if (dog.fired) throw WriteTimeoutException(address, timeouts.write)
                throw e
            } finally {
                dog.ended()
            }
            bytes.limit(end)
        }
    }

    private fun watchdog(): IoWatchdog = watchdog ?: IoWatchdog { transport.close() }.also { watchdog = it }

    /** Marks the connection as used now (the pool calls it on release). */
    fun touch() {
        lastUsedNanos = nanoTime()
        released = true
    }

    /** True once the connection went back to the pool at least once; false while its first user holds it. */
    @Volatile
    var released: Boolean = false
        private set

    /**
     * Says GOODBYE (when the connection is idle and in sync) and closes it: the server then ends the session
     * cleanly instead of seeing a dropped socket. Best effort: the write is bounded by [GOODBYE_TIMEOUT], never
     * throws, and runs to the end even if the caller is cancelled (it is cleanup).
     */
    suspend fun closeWithGoodbye() {
        if (isReusable && state.canSend(org.boltkt.protocol.message.RequestKind.GOODBYE)) {
            withContext(NonCancellable) {
                try {
                    withTimeoutOrNull(GOODBYE_TIMEOUT) {
                        enqueue(org.boltkt.protocol.message.Goodbye)
                        flush()
                    }
                } catch (_: Exception) {
                    // The server may already be gone; closing below is all that is left to do.
                }
            }
        }
        close()
    }

    /**
     * Closes the transport from another coroutine or thread than the owner's (the driver closing under an exchange):
     * the owner's pending read or write fails and marks the connection broken. Thread-safe; never throws.
     */
    fun abort() {
        transport.close()
    }

    /** Closes the transport at once; never throws, never suspends. */
    fun close() {
        markBroken()
    }

    private fun markBroken() {
        broken = true
        state.markDefunct()
        transport.close()
        watchdog?.close()
    }

    private inline fun <T> guarded(block: () -> T): T =
        try {
            block()
        } catch (t: Throwable) {
            // Cancellation included: the stream position is unknown, so the connection can never be reused.
            markBroken()
            throw t
        }

    override fun toString(): String = "BoltConnection($address, Bolt ${capabilities.version}, ${server.connectionId ?: "-"})"

    companion object {
        const val READ_BUFFER_SIZE: Int = 64 * 1024
        private const val RETAINED_OUTBOX_SIZE = 1024 * 1024
        private const val AUTHORIZATION_EXPIRED = "Neo.ClientError.Security.AuthorizationExpired"
        private val GOODBYE_TIMEOUT = 1.seconds
    }
}

/** The server closed the connection; [midMessage] tells whether it did so in the middle of a message. */
internal class ServerClosedConnectionException(val address: ServerAddress, val midMessage: Boolean) :
    java.io.IOException("the server at $address closed the connection" + if (midMessage) " in the middle of a message" else "")

/**
 * A request could not be encoded because of what the caller put in it (a value the protocol cannot carry as a
 * parameter on the negotiated [version]); nothing was sent and the connection is still in sync. [cause] names the
 * value.
 */
internal class RequestEncodingException(
    val request: String,
    override val cause: IllegalArgumentException,
    val version: BoltVersion? = null,
) : IllegalArgumentException("$request cannot be sent${version?.let { " on Bolt $it" } ?: ""}: ${cause.message}", cause)

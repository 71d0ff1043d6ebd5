package org.boltkt.protocol.state

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.version.BoltVersion

/**
 * Tracks one Bolt connection's server state from the client side, so forbidden requests are refused before any
 * byte is sent and out-of-place responses are caught.
 *
 * Two views are kept. [serverState] is what the responses received so far prove. [expectedState] is where the
 * server will be once every pending request has been answered as hoped; requests are validated against it, which
 * is what makes pipelining (RUN then PULL before RUN's SUCCESS) possible. When a response contradicts the hope (a
 * FAILURE, or `has_more` on a PULL the caller hoped exhausted the result), [expectedState] is recomputed.
 *
 * Rules modelled: HELLO leads to Authentication on 5.1+ and to Ready before; LOGON/LOGOFF (5.1+); TELEMETRY
 * (5.4+); ROUTE (4.3+); PULL/DISCARD `has_more`; several open results inside a transaction; after a FAILURE the
 * server is Failed and answers IGNORED until RESET; sending RESET interrupts the server at once (Interrupted, in
 * which earlier requests may still succeed, fail or be IGNORED) until the last pending RESET succeeds. FAILURE of
 * HELLO, LOGON or RESET, sending GOODBYE, a protocol violation by the server or [markDefunct] make the machine
 * [ServerState.Defunct], which is terminal.
 *
 * Not thread-safe: one instance belongs to one connection and must be driven from one coroutine at a time.
 *
 * @param version the negotiated protocol version.
 * @param initial the state to start in; [ServerState.Negotiation] right after the handshake.
 */
public class ConnectionStateMachine(
    public val version: BoltVersion,
    initial: ServerState = ServerState.Negotiation,
) {
    private class Pending(val kind: RequestKind, val exhausts: Boolean)

    private val transitions = Transitions(version)
    private val pending = ArrayDeque<Pending>()
    private var pendingResets = 0

    /** The state the responses received so far prove. */
    public var serverState: ServerState = initial
        private set

    /** The state after all pending requests are answered as expected; new requests are checked against it. */
    public var expectedState: ServerState = initial
        private set

    /** Number of requests sent whose summary (SUCCESS, FAILURE or IGNORED) has not arrived yet. */
    public val pendingCount: Int get() = pending.size

    /** The kind of the request the next summary will answer, or null when nothing is pending. */
    public val headRequest: RequestKind? get() = pending.firstOrNull()?.kind

    /** True when [kind] may be sent now (it passes [beforeSend] without an exception). */
    public fun canSend(kind: RequestKind): Boolean = transitions.allowed(expectedState, kind)

    /**
     * Records that [kind] is about to be sent. Call it before writing the request; on an exception, do not send.
     *
     * GOODBYE expects no answer: the machine becomes Defunct at once and pending requests are forgotten.
     *
     * @param exhaustsResult for PULL and DISCARD: true when the request asks for all remaining records
     *   (`n = -1`), so the result is expected to end and a following COMMIT or RUN may be pipelined.
     * @throws BoltProtocolException when [kind] is not allowed in [expectedState] or not supported by [version].
     */
    public fun beforeSend(kind: RequestKind, exhaustsResult: Boolean = false) {
        if (!transitions.allowed(expectedState, kind)) {
            val why = if (!transitions.supported(kind)) "not supported by Bolt $version" else "not allowed in state $expectedState"
            throw BoltProtocolException("cannot send $kind: $why")
        }
        if (kind == RequestKind.GOODBYE) {
            becomeDefunct()
            return
        }
        if (kind == RequestKind.RESET) {
            pendingResets++
            serverState = ServerState.Interrupted
        }
        pending.addLast(Pending(kind, exhaustsResult))
        expectedState = transitions.predict(expectedState, kind, exhaustsResult)
    }

    /**
     * Applies one response to the oldest pending request. RECORDs leave it pending; summaries complete it.
     *
     * @throws BoltProtocolException when nothing is pending, or the response is impossible for the request and
     *   state (a RECORD outside a PULL, IGNORED when the server is neither Failed nor Interrupted, a SUCCESS the
     *   spec has no transition for). The machine is then Defunct.
     */
    public fun onResponse(outcome: ResponseOutcome) {
        val head = pending.firstOrNull() ?: violation("received $outcome but no request is pending (state $serverState)")
        val state = serverState
        if (outcome == ResponseOutcome.Record) {
            val streaming = state == ServerState.Streaming || state is ServerState.TxStreaming || state == ServerState.Interrupted
            if (head.kind != RequestKind.PULL || !streaming) violation("RECORD for ${head.kind} in state $state")
            return
        }
        pending.removeFirst()
        if (head.kind == RequestKind.RESET) pendingResets--
        val next: ServerState = when (outcome) {
            is ResponseOutcome.Success -> when {
                head.kind == RequestKind.RESET -> if (pendingResets == 0) ServerState.Ready else ServerState.Interrupted
                state == ServerState.Interrupted -> state // finished before the server saw the RESET
                else -> transitions.onSuccess(state, head.kind, outcome.hasMore)
                    ?: violation("SUCCESS for ${head.kind} is impossible in state $state")
            }
            ResponseOutcome.Failure -> when {
                head.kind == RequestKind.RESET -> ServerState.Defunct
                state == ServerState.Interrupted -> state
                state == ServerState.Failed -> violation("FAILURE for ${head.kind} while Failed; expected IGNORED")
                else -> transitions.onFailure(head.kind)
            }
            ResponseOutcome.Ignored ->
                if (state == ServerState.Failed || state == ServerState.Interrupted) state
                else violation("IGNORED for ${head.kind} in state $state")
            ResponseOutcome.Record -> error("handled above")
        }
        if (next == ServerState.Defunct) {
            becomeDefunct()
            return
        }
        serverState = next
        expectedState = pending.fold(next) { s, p -> transitions.predict(s, p.kind, p.exhausts) }
    }

    /** Makes the machine Defunct, e.g. when the transport failed. Idempotent. */
    public fun markDefunct() {
        becomeDefunct()
    }

    private fun becomeDefunct() {
        serverState = ServerState.Defunct
        expectedState = ServerState.Defunct
        pending.clear()
        pendingResets = 0
    }

    private fun violation(reason: String): Nothing {
        becomeDefunct()
        throw BoltProtocolException(reason)
    }
}

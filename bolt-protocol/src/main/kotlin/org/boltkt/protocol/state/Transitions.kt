package org.boltkt.protocol.state

import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.RequestKind.BEGIN
import org.boltkt.protocol.message.RequestKind.COMMIT
import org.boltkt.protocol.message.RequestKind.DISCARD
import org.boltkt.protocol.message.RequestKind.GOODBYE
import org.boltkt.protocol.message.RequestKind.HELLO
import org.boltkt.protocol.message.RequestKind.LOGOFF
import org.boltkt.protocol.message.RequestKind.LOGON
import org.boltkt.protocol.message.RequestKind.PULL
import org.boltkt.protocol.message.RequestKind.RESET
import org.boltkt.protocol.message.RequestKind.ROLLBACK
import org.boltkt.protocol.message.RequestKind.ROUTE
import org.boltkt.protocol.message.RequestKind.RUN
import org.boltkt.protocol.message.RequestKind.TELEMETRY
import org.boltkt.protocol.state.ServerState.Authentication
import org.boltkt.protocol.state.ServerState.Defunct
import org.boltkt.protocol.state.ServerState.Failed
import org.boltkt.protocol.state.ServerState.Interrupted
import org.boltkt.protocol.state.ServerState.Negotiation
import org.boltkt.protocol.state.ServerState.Ready
import org.boltkt.protocol.state.ServerState.Streaming
import org.boltkt.protocol.state.ServerState.TxReady
import org.boltkt.protocol.state.ServerState.TxStreaming
import org.boltkt.protocol.version.BoltVersion

/** The transition table of the Bolt server state machine, versions 3.0 to 6.x. */
internal class Transitions(private val version: BoltVersion) {
    private val logonSplit = version.atLeast(5, 1)

    /** Whether the client may send [kind] when the server is expected to be in [state]. */
    fun allowed(state: ServerState, kind: RequestKind): Boolean {
        if (!supported(kind)) return false
        if (kind == GOODBYE) return state != Defunct
        return when (state) {
            Negotiation -> kind == HELLO
            Authentication -> kind == LOGON
            Ready -> kind == RUN || kind == BEGIN || kind == ROUTE || kind == LOGOFF || kind == TELEMETRY || kind == RESET
            Streaming -> kind == PULL || kind == DISCARD || kind == RESET
            TxReady -> kind == RUN || kind == COMMIT || kind == ROLLBACK || kind == RESET
            is TxStreaming -> kind == RUN || kind == PULL || kind == DISCARD || kind == RESET
            Failed, Interrupted -> kind == RESET
            Defunct -> false
        }
    }

    /** Version gates: LOGON/LOGOFF arrived in 5.1, TELEMETRY in 5.4, ROUTE in 4.3. */
    fun supported(kind: RequestKind): Boolean = when (kind) {
        LOGON, LOGOFF -> logonSplit
        TELEMETRY -> version.atLeast(5, 4)
        ROUTE -> version.atLeast(4, 3)
        else -> true
    }

    /** The state after [kind] succeeded in [state], or null when the spec has no such transition. */
    fun onSuccess(state: ServerState, kind: RequestKind, hasMore: Boolean): ServerState? = when {
        kind == RESET -> Ready
        state == Negotiation && kind == HELLO -> if (logonSplit) Authentication else Ready
        state == Authentication && kind == LOGON -> Ready
        state == Ready -> when (kind) {
            RUN -> Streaming
            BEGIN -> TxReady
            ROUTE, TELEMETRY -> Ready
            LOGOFF -> Authentication
            else -> null
        }
        state == Streaming && (kind == PULL || kind == DISCARD) -> if (hasMore) Streaming else Ready
        state == TxReady -> when (kind) {
            RUN -> TxStreaming(1)
            COMMIT, ROLLBACK -> Ready
            else -> null
        }
        state is TxStreaming -> when (kind) {
            RUN -> TxStreaming(state.openResults + 1)
            PULL, DISCARD -> when {
                hasMore -> state
                state.openResults == 1 -> TxReady
                else -> TxStreaming(state.openResults - 1)
            }
            else -> null
        }
        else -> null
    }

    /** The state after [kind] failed: authentication and RESET failures are fatal, the rest need a RESET. */
    fun onFailure(kind: RequestKind): ServerState = when (kind) {
        HELLO, LOGON, RESET -> Defunct
        else -> Failed
    }

    /**
     * The state the client should expect after sending [kind] in [state], before its answer arrives: success is
     * assumed, a PULL/DISCARD only ends the stream when [exhausts] says it asked for everything, and requests sent
     * while Failed or Interrupted are expected to be IGNORED.
     */
    fun predict(state: ServerState, kind: RequestKind, exhausts: Boolean): ServerState = when {
        kind == GOODBYE -> Defunct
        kind == RESET -> Ready
        state == Failed || state == Interrupted || state == Defunct -> state
        else -> onSuccess(state, kind, hasMore = !exhausts) ?: state
    }
}

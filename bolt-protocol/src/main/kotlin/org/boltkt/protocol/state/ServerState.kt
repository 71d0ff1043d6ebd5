package org.boltkt.protocol.state

/**
 * The server-side connection states of the Bolt specification, as the client tracks them.
 *
 * Immutable values; [TxStreaming] counts the results still open in the explicit transaction, because in Bolt 4+
 * several RUNs may stream in one transaction and the state only returns to [TxReady] when all are consumed.
 */
public sealed class ServerState {
    /** Handshake done; only HELLO (or GOODBYE) may be sent. */
    public data object Negotiation : ServerState()

    /** Bolt 5.1+: HELLO succeeded, LOGON is expected; also reached by LOGOFF. */
    public data object Authentication : ServerState()

    /** Idle and authenticated: auto-commit RUN, BEGIN, ROUTE, TELEMETRY, LOGOFF may be sent. */
    public data object Ready : ServerState()

    /** An auto-commit result is open: PULL or DISCARD it. */
    public data object Streaming : ServerState()

    /** Inside an explicit transaction with no open result. */
    public data object TxReady : ServerState()

    /** Inside an explicit transaction with [openResults] (at least one) results open. */
    public data class TxStreaming(public val openResults: Int) : ServerState() {
        init {
            require(openResults > 0) { "TxStreaming needs an open result: $openResults" }
        }
    }

    /** A request failed; the server IGNOREs everything until RESET. */
    public data object Failed : ServerState()

    /** A RESET is on its way or being processed; earlier requests may be IGNORED until its SUCCESS. */
    public data object Interrupted : ServerState()

    /** Terminal: the connection is unusable and must be closed. */
    public data object Defunct : ServerState()
}

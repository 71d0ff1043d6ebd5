package org.boltkt.testing.scripted

import org.boltkt.protocol.version.BoltVersion
import java.util.concurrent.CopyOnWriteArrayList

/** Why a scripted connection ended. */
enum class CloseReason {
    /** The script closed or reset it (closeConnection, resetConnection, after-script CLOSE). */
    SCRIPT,

    /** The client closed it (EOF or reset) — including after GOODBYE. */
    CLIENT,

    /** The client sent GOODBYE and the server closed as a real server does. */
    GOODBYE,

    /** Something did not match the script; see [ScriptedBoltServer.failures]. */
    FAILURE,

    /** [ScriptedBoltServer.close] closed it. */
    SERVER_SHUTDOWN,
}

/** A mismatch between the script and what the client did. */
data class ScriptFailure(val connection: Int, val step: String?, val message: String) {
    override fun toString(): String = "connection $connection" + (step?.let { " at '$it'" } ?: "") + ": $message"
}

/** What happened on one accepted connection; updated live by the connection's thread, read from any thread. */
class ConnectionRecord internal constructor(
    /** 0-based accept order. */
    val index: Int,
    /** The client's local port, to tell connections apart. */
    val clientPort: Int,
) {
    private val received = CopyOnWriteArrayList<ReceivedRequest>()

    /** The 20 handshake bytes the client sent, or null when fewer arrived. */
    @Volatile var handshakeRequest: ByteArray? = null
        internal set

    /** The version spoken after the handshake, or null when none was agreed (raw or missing answer). */
    @Volatile var version: BoltVersion? = null
        internal set

    /** The capability mask the client accepted in a manifest v1 handshake, else null. */
    @Volatile var clientCapabilities: Long? = null
        internal set

    /** True once every step ran (or a terminal step was reached). */
    @Volatile var scriptCompleted: Boolean = false
        internal set

    /** Null while the connection is open. */
    @Volatile var closeReason: CloseReason? = null
        internal set

    /** Every decoded request in arrival order (a snapshot). */
    val requests: List<ReceivedRequest> get() = received.toList()

    val isOpen: Boolean get() = closeReason == null

    internal fun log(r: ReceivedRequest) { received += r }

    override fun toString(): String =
        "Connection#$index(version=$version, completed=$scriptCompleted, closed=$closeReason, requests=${requests.map { it.kind ?: it.signature }})"
}

package org.boltkt.protocol.handshake

import org.boltkt.protocol.version.BoltVersion

/**
 * The outcome of a successful handshake.
 *
 * @property version the Bolt version both sides will speak from now on.
 * @property capabilities the manifest capability bits the client accepted (0 without the manifest).
 * @property viaManifest whether the version was chosen through the manifest v1 exchange.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class NegotiatedProtocol internal constructor(
    public val version: BoltVersion,
    public val capabilities: Long = 0,
    public val viaManifest: Boolean = false,
)

/** What the transport must do next after feeding server bytes to a [ClientHandshake]. */
public sealed interface HandshakeStep {
    /** Read at least [count] more bytes from the server and feed them; there is nothing to send yet. */
    public data class NeedMoreBytes(public val count: Int) : HandshakeStep

    /**
     * Write [bytes] to the server (the client's manifest choice); after that the handshake is over and [result]
     * holds. The caller owns [bytes].
     */
    public class SendThenDone(public val bytes: ByteArray, public val result: NegotiatedProtocol) : HandshakeStep {
        override fun toString(): String = "SendThenDone(${bytes.size} bytes, $result)"
    }

    /** The handshake is over with nothing more to send; [result] holds. */
    public data class Done(public val result: NegotiatedProtocol) : HandshakeStep
}

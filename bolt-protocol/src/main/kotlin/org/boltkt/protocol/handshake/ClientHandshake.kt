package org.boltkt.protocol.handshake

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.version.BoltVersion

/**
 * The client side of the Bolt handshake as a pure state object: no I/O, fed the server's bytes as they arrive.
 *
 * Usage: send [request]; then feed whatever the server sends to [feed] until it returns
 * [HandshakeStep.SendThenDone] (write its bytes, then the handshake is over) or [HandshakeStep.Done].
 * [HandshakeStep.NeedMoreBytes] says how many bytes are missing at least.
 *
 * Legacy path: the server answers with one 4-byte version `00 00 minor major`. Manifest v1 path (Bolt 5.7+,
 * only when [HandshakeProposals.offerManifestV1]): the server answers `00 00 01 FF`, a VarInt count, that many
 * 4-byte [VersionRange]s and a VarInt capability mask; the client picks the highest version both sides speak and
 * replies with `00 00 minor major` and the VarInt of the capabilities it accepts
 * (`requestedCapabilities and serverMask`).
 *
 * Not thread-safe; one instance serves one connection attempt. After an exception every later [feed] rethrows it.
 *
 * @param proposals what the client offers.
 * @param requestedCapabilities manifest capability bits the client would like; only those the server offers
 *   are sent back.
 */
public class ClientHandshake(
    public val proposals: HandshakeProposals = HandshakeProposals.DEFAULT,
    public val requestedCapabilities: Long = 0,
) {
    private enum class Phase { ANSWER, COUNT, RANGES, CAPABILITIES, DONE }

    private var phase = Phase.ANSWER
    private val answer = ByteArray(4)
    private var answerFill = 0
    private var rangeBytes = ByteArray(0)
    private var rangeFill = 0
    private var varInt = VarIntReader("manifest version count", 5, MAX_MANIFEST_RANGES.toLong())
    private var seen = 0 // bytes received, for error offsets
    private var failure: BoltProtocolException? = null

    /**
     * True once the server answered `00 00 00 00`: it speaks none of the proposals (and closes). Such a server may
     * still accept another proposal on a new connection, e.g. [HandshakeProposals.LEGACY] for one that reads no
     * version ranges; every other failure is final.
     */
    public var refused: Boolean = false
        private set

    /** Returns a new array with the 20 bytes to send first: magic preamble and the four proposal slots. */
    public fun request(): ByteArray = proposals.encodeRequest()

    /**
     * Feeds `bytes[offset until offset + length]` received from the server.
     *
     * @throws BoltProtocolException when the server supports none of the proposals (answer `00 00 00 00`), is an
     *   HTTP server, answers with a version that was not proposed or bytes that are no handshake answer, sends a
     *   hostile or malformed manifest, or sends bytes after the handshake is complete.
     * @throws IndexOutOfBoundsException when the range is outside [bytes].
     */
    public fun feed(bytes: ByteArray, offset: Int = 0, length: Int = bytes.size - offset): HandshakeStep {
        failure?.let { throw it }
        if (offset < 0 || length < 0 || offset > bytes.size - length) {
            throw IndexOutOfBoundsException("range $offset+$length outside array of ${bytes.size}")
        }
        try {
            return step(bytes, offset, offset + length)
        } catch (e: BoltProtocolException) {
            failure = e
            throw e
        }
    }

    private fun step(bytes: ByteArray, start: Int, end: Int): HandshakeStep {
        var pos = start
        var result: HandshakeStep? = null
        while (pos < end) {
            if (result != null || phase == Phase.DONE) {
                throw BoltProtocolException("server sent ${end - pos} unexpected bytes after the handshake", seen)
            }
            val b = bytes[pos++]
            seen++
            when (phase) {
                Phase.ANSWER -> {
                    answer[answerFill++] = b
                    if (answerFill == 4) result = onAnswer()
                }
                Phase.COUNT -> {
                    if (varInt.accept(b, seen - 1)) {
                        val count = varInt.value
                        rangeBytes = ByteArray(count.toInt() * 4)
                        phase = Phase.RANGES
                        if (count == 0L) beginCapabilities()
                    }
                }
                Phase.RANGES -> {
                    rangeBytes[rangeFill++] = b
                    if (rangeFill == rangeBytes.size) beginCapabilities()
                }
                Phase.CAPABILITIES -> {
                    if (varInt.accept(b, seen - 1)) result = choose(varInt.value)
                }
                Phase.DONE -> error("unreachable")
            }
        }
        return result ?: needMore()
    }

    private fun needMore(): HandshakeStep.NeedMoreBytes = HandshakeStep.NeedMoreBytes(
        when (phase) {
            Phase.ANSWER -> 4 - answerFill
            Phase.RANGES -> rangeBytes.size - rangeFill + 1
            else -> 1
        },
    )

    private fun beginCapabilities() {
        phase = Phase.CAPABILITIES
        varInt = VarIntReader("manifest capability mask", 10, -1L)
    }

    private fun onAnswer(): HandshakeStep? {
        val a = answer
        val word = ((a[0].toInt() and 0xFF) shl 24) or ((a[1].toInt() and 0xFF) shl 16) or
            ((a[2].toInt() and 0xFF) shl 8) or (a[3].toInt() and 0xFF)
        refused = word == 0
        when {
            word == 0 -> throw BoltProtocolException(
                "the server supports none of the proposed Bolt versions (proposed: $proposals)",
            )
            word == HTTP -> throw BoltProtocolException(
                "the server answered with HTTP: this is an HTTP port, not Bolt (Bolt defaults to 7687, HTTP to 7474)",
            )
            word == MANIFEST_V1 && proposals.offerManifestV1 -> {
                phase = Phase.COUNT
                return null
            }
            a[0].toInt() != 0 || a[1].toInt() != 0 -> throw BoltProtocolException(
                "unrecognised handshake answer ${hex(a)}: not a Bolt server? (proposed: $proposals)", 0,
            )
        }
        val version = BoltVersion(a[3].toInt() and 0xFF, a[2].toInt() and 0xFF)
        if (!proposals.supports(version)) {
            throw BoltProtocolException("the server chose Bolt $version (${hex(a)}), which was not proposed (proposed: $proposals)")
        }
        phase = Phase.DONE
        return HandshakeStep.Done(NegotiatedProtocol(version))
    }

    private fun choose(serverCapabilities: Long): HandshakeStep {
        val offered = (0 until rangeBytes.size / 4).map { VersionRange.readFrom(rangeBytes, it * 4) }
        val version = offered
            .flatMap { r -> (r.maxMinor downTo r.minMinor).map { BoltVersion(r.major, it) } }
            .filter { proposals.acceptsFromManifest(it) }
            .maxOrNull()
            ?: throw BoltProtocolException(
                "no common Bolt version: the server offers ${offered.joinToString(", ").ifEmpty { "nothing" }}, " +
                    "the client speaks ${(proposals.manifestOnly + proposals.ranges).joinToString(", ")}",
            )
        val accepted = requestedCapabilities and serverCapabilities
        val capBytes = VarIntReader.encode(accepted)
        val reply = ByteArray(4 + capBytes.size)
        reply[2] = version.minor.toByte()
        reply[3] = version.major.toByte()
        capBytes.copyInto(reply, 4)
        phase = Phase.DONE
        return HandshakeStep.SendThenDone(reply, NegotiatedProtocol(version, accepted, viaManifest = true))
    }

    private fun hex(b: ByteArray) = b.joinToString(" ") { "%02X".format(it.toInt() and 0xFF) }

    public companion object {
        /** Most version ranges accepted in a server's manifest; a larger count is rejected as hostile. */
        public const val MAX_MANIFEST_RANGES: Int = 64

        private const val HTTP = 0x48545450 // "HTTP"
        private const val MANIFEST_V1 = 0x000001FF
    }
}

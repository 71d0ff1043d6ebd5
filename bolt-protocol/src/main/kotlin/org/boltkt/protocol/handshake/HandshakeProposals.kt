package org.boltkt.protocol.handshake

import org.boltkt.protocol.version.BoltVersion

/**
 * What the client offers in the handshake: up to four slots, optionally the first being the manifest v1 marker
 * (`00 00 01 FF`, Bolt 5.7+ servers answer with a list of their versions), the others [VersionRange]s in order of
 * preference. Unused slots are sent as `00 00 00 00`.
 *
 * Immutable and thread-safe.
 *
 * @property ranges the version ranges the client can speak, most preferred first.
 * @property offerManifestV1 whether the first slot carries the manifest v1 marker.
 * @property manifestOnly ranges the client also speaks but does not spend a slot on, because every server that
 *   speaks them answers the manifest (Bolt 6.x arrived long after manifest v1). Used only when [offerManifestV1].
 * @throws IllegalArgumentException from the constructor when there are no ranges or more slots than four.
 */
public data class HandshakeProposals(
    public val ranges: List<VersionRange>,
    public val offerManifestV1: Boolean = false,
    public val manifestOnly: List<VersionRange> = emptyList(),
) {
    init {
        require(ranges.isNotEmpty()) { "at least one version range must be proposed" }
        require(ranges.size + (if (offerManifestV1) 1 else 0) <= SLOTS) { "at most $SLOTS handshake slots: $this" }
    }

    /** True when the client proposed [version] in a slot (what a server without the manifest may choose). */
    public fun supports(version: BoltVersion): Boolean = ranges.any { version in it }

    /** True when the client may choose [version] from a server's manifest: a slot range or a [manifestOnly] one. */
    public fun acceptsFromManifest(version: BoltVersion): Boolean =
        supports(version) || (offerManifestV1 && manifestOnly.any { version in it })

    /**
     * Returns a new 20-byte array: the magic preamble `60 60 B0 17` followed by the four slots. The caller owns it
     * and sends it first thing on a fresh connection.
     */
    public fun encodeRequest(): ByteArray {
        val out = ByteArray(MAGIC.size + SLOTS * 4)
        MAGIC.copyInto(out)
        var at = MAGIC.size
        if (offerManifestV1) {
            MANIFEST_V1_MARKER.copyInto(out, at)
            at += 4
        }
        ranges.forEach { it.writeTo(out, at); at += 4 }
        return out
    }

    /** Human rendering for error messages, e.g. `manifest v1 (also 6.1–6.0), 5.8–5.0, 4.4–4.1, 3.0`. */
    override fun toString(): String {
        val manifest = when {
            !offerManifestV1 -> emptyList()
            manifestOnly.isEmpty() -> listOf("manifest v1")
            else -> listOf("manifest v1 (also ${manifestOnly.joinToString(", ")})")
        }
        return manifest.plus(ranges.map { it.toString() }).joinToString(", ")
    }

    public companion object {
        /** Number of version slots in a handshake request. */
        public const val SLOTS: Int = 4

        private val MAGIC = byteArrayOf(0x60, 0x60, 0xB0.toByte(), 0x17)
        private val MANIFEST_V1_MARKER = byteArrayOf(0x00, 0x00, 0x01, 0xFF.toByte())

        /** A copy of the magic preamble `60 60 B0 17` that opens every Bolt connection. */
        public fun magicPreamble(): ByteArray = MAGIC.copyOf()

        /** A copy of the manifest v1 marker `00 00 01 FF`, both proposed by the client and echoed by the server. */
        public fun manifestV1Marker(): ByteArray = MANIFEST_V1_MARKER.copyOf()

        /**
         * Neo4j 3.5 to 2026.x and Memgraph: manifest v1 (through which 6.1 and 6.0 are also accepted: every server
         * speaking 6.x answers the manifest), then 5.8–5.0, 4.4–4.1 and 3.0 for servers without the manifest. Memgraph servers
         * that speak no 5.x stop at 4.3 or 4.1; one speaking only 5.2 finds it in the 5.8–5.0 range.
         */
        public val DEFAULT: HandshakeProposals = HandshakeProposals(
            listOf(VersionRange(5, 8, 0), VersionRange(4, 4, 1), VersionRange(3, 0)),
            offerManifestV1 = true,
            manifestOnly = listOf(VersionRange(6, 1, 0)),
        )

        /**
         * The proposal of drivers from before the manifest (as the official 5.x drivers sent it until 2025): 5.8–5.0,
         * 4.4–4.2, 4.1 and 3.0, without the manifest marker, so Bolt 6.x is never chosen. Its exact 4.1 slot reaches
         * the Neo4j 4.1/4.2 servers that read no version ranges and so refuse [DEFAULT] (a 4.2 server accepts 4.1).
         */
        public val LEGACY: HandshakeProposals = HandshakeProposals(
            listOf(VersionRange(5, 8, 0), VersionRange(4, 4, 2), VersionRange(4, 1), VersionRange(3, 0)),
        )

        /** Memgraph: 5.2–5.0 and 4.3, without the manifest marker (Memgraph negotiates with plain slots). */
        public val MEMGRAPH: HandshakeProposals = HandshakeProposals(listOf(VersionRange(5, 2, 0), VersionRange(4, 3)))
    }
}

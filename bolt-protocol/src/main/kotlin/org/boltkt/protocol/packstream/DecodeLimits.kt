package org.boltkt.protocol.packstream

/**
 * Upper bounds the decoder enforces before allocating anything for a size field read from the wire.
 *
 * Every size is also checked against the bytes actually remaining in the message, so these limits only matter
 * for sizes that are plausible on the wire but unwanted in memory (a 100 MB string inside a 100 MB message).
 * A violation throws [org.boltkt.protocol.BoltProtocolException].
 *
 * @property maxStringBytes largest UTF-8 payload of one string, in bytes.
 * @property maxBytesLength largest byte array.
 * @property maxListSize most elements in one list.
 * @property maxMapEntries most entries in one map.
 * @property maxNestingDepth deepest nesting of lists, maps and structures; bounds decoder recursion, so it is
 *   capped at [MAX_SUPPORTED_DEPTH] to keep the stack safe.
 * @property maxStructFields most fields in one structure (PackStream itself allows at most 15).
 * @throws IllegalArgumentException from the constructor for negative sizes or an unsupported depth.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class DecodeLimits internal constructor(
    public val maxStringBytes: Int = 64 * 1024 * 1024,
    public val maxBytesLength: Int = 256 * 1024 * 1024,
    public val maxListSize: Int = 16 * 1024 * 1024,
    public val maxMapEntries: Int = 1024 * 1024,
    public val maxNestingDepth: Int = 64,
    public val maxStructFields: Int = 15,
) {
    init {
        require(maxStringBytes >= 0 && maxBytesLength >= 0 && maxListSize >= 0 && maxMapEntries >= 0) {
            "decode limits must not be negative: $this"
        }
        require(maxNestingDepth in 1..MAX_SUPPORTED_DEPTH) { "maxNestingDepth must be in 1..$MAX_SUPPORTED_DEPTH" }
        require(maxStructFields in 0..15) { "maxStructFields must be in 0..15" }
    }

    public companion object {
        /** Deepest nesting a decoder supports; deeper recursion could exhaust a default thread stack. */
        public const val MAX_SUPPORTED_DEPTH: Int = 512

        /** Defaults suitable for a driver talking to a trusted-but-not-infallible server. */
        public val DEFAULT: DecodeLimits = DecodeLimits()
    }
}

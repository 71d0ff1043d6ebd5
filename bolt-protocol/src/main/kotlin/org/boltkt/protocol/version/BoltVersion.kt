package org.boltkt.protocol.version

/**
 * A Bolt protocol version as negotiated in the handshake, e.g. `5.8` or `4.4`.
 *
 * Versions are data: what a version can do is answered by [org.boltkt.protocol.version] capabilities derived
 * from it, never by a class per version. Ordering is by major, then minor.
 */
public data class BoltVersion(public val major: Int, public val minor: Int) : Comparable<BoltVersion> {
    init {
        require(major in 0..255 && minor in 0..255) { "Bolt version parts are octets: $major.$minor" }
    }

    override fun compareTo(other: BoltVersion): Int =
        if (major != other.major) major.compareTo(other.major) else minor.compareTo(other.minor)

    /** True when this version is at least [major].[minor]. */
    public fun atLeast(major: Int, minor: Int): Boolean = this >= BoltVersion(major, minor)

    override fun toString(): String = "$major.$minor"

    public companion object {
        public val V3_0: BoltVersion = BoltVersion(3, 0)
        public val V4_1: BoltVersion = BoltVersion(4, 1)
        public val V4_2: BoltVersion = BoltVersion(4, 2)
        public val V4_3: BoltVersion = BoltVersion(4, 3)
        public val V4_4: BoltVersion = BoltVersion(4, 4)
        public val V5_0: BoltVersion = BoltVersion(5, 0)
        public val V5_8: BoltVersion = BoltVersion(5, 8)
        public val V6_0: BoltVersion = BoltVersion(6, 0)
        public val V6_1: BoltVersion = BoltVersion(6, 1)
    }
}

package org.boltkt.protocol.handshake

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.version.BoltVersion

/**
 * A contiguous run of minor versions of one major version, `major.maxMinor` down to `major.minMinor`, as carried
 * in one 4-byte handshake slot: `[reserved = 00, range, maxMinor, major]` where `range = maxMinor - minMinor`.
 *
 * Immutable and thread-safe.
 *
 * @throws IllegalArgumentException from the constructor when the parts are not octets or `minMinor > maxMinor`.
 */
public data class VersionRange(public val major: Int, public val maxMinor: Int, public val minMinor: Int = maxMinor) {
    init {
        require(major in 0..255 && maxMinor in 0..255 && minMinor in 0..maxMinor) {
            "invalid version range $major.$maxMinor down to $major.$minMinor"
        }
    }

    /** Highest version in the range. */
    public val highest: BoltVersion get() = BoltVersion(major, maxMinor)

    /** True when [version] lies in this range. */
    public operator fun contains(version: BoltVersion): Boolean =
        version.major == major && version.minor in minMinor..maxMinor

    /** Writes the 4-byte slot form into [dest] at [offset]. @throws IndexOutOfBoundsException when it does not fit. */
    public fun writeTo(dest: ByteArray, offset: Int) {
        dest[offset] = 0
        dest[offset + 1] = (maxMinor - minMinor).toByte()
        dest[offset + 2] = maxMinor.toByte()
        dest[offset + 3] = major.toByte()
    }

    /** Spec-style rendering: `5.8–5.0`, or `4.4` for a single version. */
    override fun toString(): String = if (minMinor == maxMinor) "$major.$maxMinor" else "$major.$maxMinor–$major.$minMinor"

    public companion object {
        /** The single version [version]. */
        public fun of(version: BoltVersion): VersionRange = VersionRange(version.major, version.minor)

        /**
         * Reads a 4-byte slot at [offset]. The reserved first byte is ignored, as the spec asks of receivers.
         *
         * @throws BoltProtocolException when the range is longer than the minor version (it would go below .0).
         */
        public fun readFrom(src: ByteArray, offset: Int): VersionRange {
            val range = src[offset + 1].toInt() and 0xFF
            val minor = src[offset + 2].toInt() and 0xFF
            val major = src[offset + 3].toInt() and 0xFF
            if (range > minor) throw BoltProtocolException("version range $major.$minor minus $range goes below .0", offset)
            return VersionRange(major, minor, minor - range)
        }
    }
}

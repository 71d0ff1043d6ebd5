package org.boltkt.protocol.packstream

/**
 * A structure's field count and tag as read by [PackStreamReader.readStructHeader], packed into one `Int` so
 * reading it allocates nothing.
 */
@JvmInline
public value class StructHeader internal constructor(private val packed: Int) {
    /** Number of fields that follow (0..15). */
    public val fieldCount: Int get() = packed ushr 8

    /** The tag (signature) byte, unsigned (0..255). */
    public val tag: Int get() = packed and 0xFF

    override fun toString(): String = "StructHeader(fields=$fieldCount, tag=0x%02X)".format(tag)

    internal companion object {
        fun of(fieldCount: Int, tag: Int): StructHeader = StructHeader((fieldCount shl 8) or tag)
    }
}

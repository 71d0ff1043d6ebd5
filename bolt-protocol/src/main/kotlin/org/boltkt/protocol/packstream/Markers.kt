package org.boltkt.protocol.packstream

/** PackStream marker bytes (unsigned). Kept as `Int` constants so comparisons need no conversion on the hot path. */
internal object Markers {
    const val TINY_STRING: Int = 0x80
    const val TINY_LIST: Int = 0x90
    const val TINY_MAP: Int = 0xA0
    const val TINY_STRUCT: Int = 0xB0
    const val NULL: Int = 0xC0
    const val FLOAT_64: Int = 0xC1
    const val FALSE: Int = 0xC2
    const val TRUE: Int = 0xC3
    const val INT_8: Int = 0xC8
    const val INT_16: Int = 0xC9
    const val INT_32: Int = 0xCA
    const val INT_64: Int = 0xCB
    const val BYTES_8: Int = 0xCC
    const val BYTES_16: Int = 0xCD
    const val BYTES_32: Int = 0xCE
    const val STRING_8: Int = 0xD0
    const val STRING_16: Int = 0xD1
    const val STRING_32: Int = 0xD2
    const val LIST_8: Int = 0xD4
    const val LIST_16: Int = 0xD5
    const val LIST_32: Int = 0xD6
    const val MAP_8: Int = 0xD8
    const val MAP_16: Int = 0xD9
    const val MAP_32: Int = 0xDA

    /** PackStream's UUID (Bolt 6.1+): this marker and the 16 bytes of the UUID, most significant first. */
    const val UUID: Int = 0xE0

    /** Largest field count a (tiny) structure can carry; PackStream v1 as used by Bolt 4+ has no larger struct form. */
    const val MAX_STRUCT_FIELDS: Int = 15

    /** The type a marker announces, or null for reserved markers. */
    fun typeOf(m: Int): PackStreamType? = when {
        m < 0x80 || m >= 0xF0 -> PackStreamType.INTEGER
        m < 0x90 -> PackStreamType.STRING
        m < 0xA0 -> PackStreamType.LIST
        m < 0xB0 -> PackStreamType.MAP
        m < 0xC0 -> PackStreamType.STRUCT
        else -> when (m) {
            Markers.NULL -> PackStreamType.NULL
            Markers.FLOAT_64 -> PackStreamType.FLOAT
            Markers.TRUE, Markers.FALSE -> PackStreamType.BOOLEAN
            Markers.INT_8, Markers.INT_16, Markers.INT_32, Markers.INT_64 -> PackStreamType.INTEGER
            Markers.BYTES_8, Markers.BYTES_16, Markers.BYTES_32 -> PackStreamType.BYTES
            Markers.STRING_8, Markers.STRING_16, Markers.STRING_32 -> PackStreamType.STRING
            Markers.LIST_8, Markers.LIST_16, Markers.LIST_32 -> PackStreamType.LIST
            Markers.MAP_8, Markers.MAP_16, Markers.MAP_32 -> PackStreamType.MAP
            Markers.UUID -> PackStreamType.UUID
            else -> null
        }
    }
}

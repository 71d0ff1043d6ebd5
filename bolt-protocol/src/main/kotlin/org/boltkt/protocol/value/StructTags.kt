package org.boltkt.protocol.value

/** Structure tags of Bolt values (ASCII letters as in the spec). */
internal object StructTags {
    const val NODE: Int = 0x4E // N
    const val RELATIONSHIP: Int = 0x52 // R
    const val UNBOUND_RELATIONSHIP: Int = 0x72 // r
    const val PATH: Int = 0x50 // P
    const val DATE: Int = 0x44 // D
    const val TIME: Int = 0x54 // T
    const val LOCAL_TIME: Int = 0x74 // t
    const val DATE_TIME: Int = 0x49 // I
    const val DATE_TIME_ZONE_ID: Int = 0x69 // i
    const val LEGACY_DATE_TIME: Int = 0x46 // F
    const val LEGACY_DATE_TIME_ZONE_ID: Int = 0x66 // f
    const val LOCAL_DATE_TIME: Int = 0x64 // d
    const val DURATION: Int = 0x45 // E
    const val POINT_2D: Int = 0x58 // X
    const val POINT_3D: Int = 0x59 // Y
    const val VECTOR: Int = 0x56 // V
}

package org.boltkt.protocol.value

/**
 * The per-version choices of how values map to structures, as data. Derive it from a negotiated version via
 * `org.boltkt.protocol.version.Capabilities.valueFormat`; the presets below name the common cases.
 *
 * @property elementIds nodes and relationships carry element ids (Bolt 5.0+).
 * @property utcDateTime zoned date-times use the UTC-based structs `I`/`i` (Bolt 5.0+, or 4.4 with the `utc`
 *   patch) instead of the legacy local-seconds structs `F`/`f`.
 * @property vectors the vector struct `V` may be sent (Bolt 6.0+).
 * @property uuids PackStream's UUID value (marker `0xE0` and 16 bytes, [UuidValue]) may be sent and received
 *   (Bolt 6.1+). Before, sending one is refused and receiving one is a protocol violation.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class ValueFormat internal constructor(
    public val elementIds: Boolean,
    public val utcDateTime: Boolean,
    public val vectors: Boolean,
    public val uuids: Boolean = false,
) {
    public companion object {
        /** Bolt 4.x without the `utc` patch. */
        public val LEGACY_4: ValueFormat = ValueFormat(elementIds = false, utcDateTime = false, vectors = false)

        /** Bolt 5.x. */
        public val BOLT_5: ValueFormat = ValueFormat(elementIds = true, utcDateTime = true, vectors = false)

        /** Bolt 6.0. */
        public val BOLT_6: ValueFormat = ValueFormat(elementIds = true, utcDateTime = true, vectors = true)

        /** Bolt 6.1+: 6.0 and the UUID value. */
        public val BOLT_6_1: ValueFormat = ValueFormat(elementIds = true, utcDateTime = true, vectors = true, uuids = true)
    }
}

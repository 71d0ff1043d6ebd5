package org.boltkt.client.record

/**
 * The column names of one result with a name → index lookup, built once per result (from the RUN SUCCESS
 * `fields`) and shared by every [Record] of that result, so records carry no per-record map.
 *
 * Immutable and thread-safe. If a name occurs more than once (Cypher forbids it, but a hand-built list may),
 * lookups find its first position.
 */
public class RecordKeys private constructor(
    /** The column names in result order. */
    public val names: List<String>,
    private val index: Map<String, Int>,
) {
    /** Number of columns. */
    public val size: Int get() = names.size

    /** The position of [key], or -1 when there is no such column. O(1). */
    public fun indexOf(key: String): Int = index[key] ?: -1

    /** True when [key] is a column name. */
    public operator fun contains(key: String): Boolean = index.containsKey(key)

    override fun equals(other: Any?): Boolean = other is RecordKeys && names == other.names
    override fun hashCode(): Int = names.hashCode()
    override fun toString(): String = names.toString()

    public companion object {
        /** Keys of a result without columns. */
        @JvmField
        public val EMPTY: RecordKeys = RecordKeys(emptyList(), emptyMap())

        /** Builds the keys for [names]; the list is copied, so later changes to it are not seen. */
        @JvmStatic
        public fun of(names: List<String>): RecordKeys {
            if (names.isEmpty()) return EMPTY
            val copy = names.toList()
            val index = HashMap<String, Int>(copy.size * 2)
            for (i in copy.indices.reversed()) index[copy[i]] = i
            return RecordKeys(copy, index)
        }
    }
}

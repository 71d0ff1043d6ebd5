package org.boltkt.client.record

import org.boltkt.client.value.asObject
import org.boltkt.protocol.value.Value

/**
 * One row of a result: [values] in the order of [keys].
 *
 * Records of one result share one [RecordKeys], so key lookups are O(1) without a per-record map. Typed getters
 * (`getString`, `getLong`, `getLongOrNull`, …) are extension functions in `RecordGetters.kt`.
 *
 * Immutable and thread-safe, provided the [values] list handed to the constructor is not mutated afterwards
 * (it is kept, not copied, to avoid a copy per row). Equality compares keys and values.
 *
 * @throws IllegalArgumentException from the constructor when the number of values differs from the number of keys.
 */
public class Record(
    /** The shared column index of the result this record belongs to. */
    public val recordKeys: RecordKeys,
    /** The values in column order. */
    public val values: List<Value>,
) {
    init {
        require(values.size == recordKeys.size) {
            "record has ${values.size} values for ${recordKeys.size} keys ${recordKeys.names}"
        }
    }

    /** The column names in order (the same list instance for every record of a result). */
    public val keys: List<String> get() = recordKeys.names

    /** Number of columns. */
    public val size: Int get() = values.size

    /** The value at [index]. @throws IndexOutOfBoundsException naming the valid range. */
    public operator fun get(index: Int): Value {
        if (index < 0 || index >= values.size) {
            throw IndexOutOfBoundsException("column index $index out of range 0..${values.size - 1} for keys $keys")
        }
        return values[index]
    }

    /** The value of column [key]. @throws NoSuchElementException naming the available keys. */
    public operator fun get(key: String): Value = values[indexOfExisting(key)]

    /** The value of column [key], or null when there is no such column (a null *value* is [org.boltkt.protocol.value.NullValue]). */
    public fun getOrNull(key: String): Value? {
        val i = recordKeys.indexOf(key)
        return if (i < 0) null else values[i]
    }

    /** True when [key] is a column of this record. */
    public fun containsKey(key: String): Boolean = key in recordKeys

    /** The position of [key], or -1 when absent. */
    public fun indexOf(key: String): Int = recordKeys.indexOf(key)

    /**
     * The record as an insertion-ordered `Map<String, Any?>` whose values are converted with [asObject]
     * (graph values, durations and points stay [Value]s). A new map on each call.
     */
    public fun asMap(): Map<String, Any?> {
        val out = LinkedHashMap<String, Any?>(size * 2)
        val names = keys
        for (i in names.indices) out[names[i]] = values[i].asObject()
        return out
    }

    internal fun indexOfExisting(key: String): Int {
        val i = recordKeys.indexOf(key)
        if (i < 0) throw NoSuchElementException("no column '$key' in record; available keys: $keys")
        return i
    }

    override fun equals(other: Any?): Boolean =
        this === other || (other is Record && recordKeys == other.recordKeys && values == other.values)

    override fun hashCode(): Int = 31 * recordKeys.hashCode() + values.hashCode()

    /** E.g. `Record{name: StringValue(value=Ann), age: IntegerValue(value=42)}`. */
    override fun toString(): String = buildString {
        append("Record{")
        val names = keys
        for (i in names.indices) {
            if (i > 0) append(", ")
            append(names[i]).append(": ").append(values[i])
        }
        append('}')
    }
}

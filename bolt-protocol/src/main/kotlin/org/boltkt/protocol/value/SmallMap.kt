package org.boltkt.protocol.value

/**
 * The decoder's read-only map for the common small case (properties, map values, metadata): keys and values
 * alternate in one array in wire order, lookups scan it. One object and one array instead of a LinkedHashMap with
 * its table and one entry per key, which dominated allocation per record. Entries are made only when iterated.
 * Equality and hash code follow the [Map] contract (AbstractMap), so it equals any map with the same entries.
 */
internal class SmallMap(private val kv: Array<Any?>, override val size: Int) : AbstractMap<String, Value>() {
    private fun indexOf(key: String): Int {
        for (i in 0 until size) if (kv[2 * i] == key) return i
        return -1
    }

    override fun get(key: String): Value? {
        val i = indexOf(key)
        @Suppress("UNCHECKED_CAST")
        return if (i < 0) null else kv[2 * i + 1] as Value
    }

    override fun containsKey(key: String): Boolean = indexOf(key) >= 0

    override val entries: Set<Map.Entry<String, Value>>
        get() = object : AbstractSet<Map.Entry<String, Value>>() {
            override val size: Int get() = this@SmallMap.size
            override fun iterator(): Iterator<Map.Entry<String, Value>> = object : Iterator<Map.Entry<String, Value>> {
                private var i = 0
                override fun hasNext(): Boolean = i < this@SmallMap.size
                override fun next(): Map.Entry<String, Value> {
                    if (i >= this@SmallMap.size) throw NoSuchElementException()
                    val e = java.util.AbstractMap.SimpleImmutableEntry(kv[2 * i] as String, kv[2 * i + 1] as Value)
                    i++
                    return e
                }
            }
        }

    companion object {
        /** Maps up to this many entries are [SmallMap]s; larger ones keep a hash table for O(1) lookups. */
        const val MAX_ENTRIES: Int = 8

        /**
         * Adds [key] to the first [size] entries of [kv] and returns the new size; a repeated key keeps its
         * position and takes the last value (like a LinkedHashMap).
         */
        fun put(kv: Array<Any?>, size: Int, key: String, value: Value): Int {
            for (i in 0 until size) {
                if (kv[2 * i] == key) { kv[2 * i + 1] = value; return size }
            }
            kv[2 * size] = key
            kv[2 * size + 1] = value
            return size + 1
        }
    }
}

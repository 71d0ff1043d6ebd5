package org.boltkt.protocol.packstream

/**
 * Interned short ASCII names (map keys, labels, types) shared by all readers: every record of a result repeats
 * the same few keys, and a new String per occurrence was a large share of decoding's allocation.
 *
 * A direct-mapped table with benign races: a slot holds an immutable String (safely published through its final
 * fields), a reader either finds the exact same characters there or decodes and overwrites the slot, so a race
 * only costs a miss. Nothing is ever wrong, only sometimes not shared.
 */
internal object NameCache {
    /** Longer names are not cached (they are rarer and dearer to compare). */
    const val MAX_LENGTH: Int = 32
    private const val SLOTS = 1024
    private val table = arrayOfNulls<String>(SLOTS)

    /** The cached String equal to the ASCII bytes `bytes[start until start + n]`, or null when they are not ASCII. */
    fun lookup(bytes: ByteArray, start: Int, n: Int): String? {
        var h = n
        for (i in start until start + n) {
            val b = bytes[i].toInt()
            if (b < 0) return null
            h = 31 * h + b
        }
        val slot = (h xor (h ushr 16)) and (SLOTS - 1)
        val s = table[slot]
        if (s != null && matches(s, bytes, start, n)) return s
        val fresh = String(bytes, start, n, Charsets.ISO_8859_1)
        table[slot] = fresh
        return fresh
    }

    private fun matches(s: String, bytes: ByteArray, start: Int, n: Int): Boolean {
        if (s.length != n) return false
        for (i in 0 until n) if (s[i].code != bytes[start + i].toInt()) return false
        return true
    }
}

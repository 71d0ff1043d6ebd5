package org.boltkt.protocol.testing

/** Collects dictionary entries so the tiny-map header can state their count before them. */
class DictBuilder {
    internal val entries = mutableListOf<Pair<String, BytesBuilder.() -> Unit>>()

    /** One entry: the key as a string, then [value] written by the block. */
    fun entry(key: String, value: BytesBuilder.() -> Unit) { entries += key to value }

    fun stringEntry(key: String, value: String) = entry(key) { string(value) }
}

/** A PackStream dictionary (< 16 entries) in insertion order: `dict { stringEntry("db", "neo4j") }`. */
fun BytesBuilder.dict(block: DictBuilder.() -> Unit) {
    val d = DictBuilder().apply(block)
    tinyMap(d.entries.size)
    for ((k, v) in d.entries) { string(k); v() }
}

/** A list of strings (< 16 items). */
fun BytesBuilder.stringList(vararg items: String) { tinyList(items.size); items.forEach { string(it) } }

/** TINY_INT for -16..127. */
fun BytesBuilder.tinyInt(v: Int) { require(v in -16..127); u8(v) }

fun BytesBuilder.nullValue() = u8(0xC0)

package org.boltkt.protocol.testing

/**
 * A small DSL for writing expected bytes the way the Bolt and PackStream specs print them.
 *
 * ```
 * bytes { hex("B1 70"); tinyMap(1); tinyString("server"); tinyString("Neo4j/5.26.0") }
 * bytes("B0 0F")            // RESET
 * ```
 */
class BytesBuilder {
    private val out = java.io.ByteArrayOutputStream()

    /** Whitespace-separated hex octets, e.g. `"B1 01 8C"`. */
    fun hex(octets: String) {
        octets.split(Regex("\\s+")).filter { it.isNotEmpty() }.forEach {
            require(it.length == 2) { "not an octet: '$it'" }
            out.write(it.toInt(16))
        }
    }

    fun u8(v: Int) { out.write(v and 0xFF) }
    fun u16(v: Int) { u8(v ushr 8); u8(v) }
    fun u32(v: Long) { u16((v ushr 16).toInt()); u16(v.toInt()) }
    fun i64(v: Long) { u32(v ushr 32); u32(v and 0xFFFF_FFFFL) }
    fun raw(b: ByteArray) { out.write(b) }

    /** UTF-8 bytes with no marker. */
    fun utf8(s: String) { out.write(s.toByteArray(Charsets.UTF_8)) }

    /** PackStream TINY_STRING: marker 0x80+len then the UTF-8 bytes (len < 16). */
    fun tinyString(s: String) {
        val b = s.toByteArray(Charsets.UTF_8)
        require(b.size < 16) { "use string8 for '$s'" }
        u8(0x80 + b.size); raw(b)
    }

    /** PackStream STRING_8: 0xD0, u8 length, bytes. */
    fun string8(s: String) {
        val b = s.toByteArray(Charsets.UTF_8)
        require(b.size < 256)
        u8(0xD0); u8(b.size); raw(b)
    }

    /** Tiny string or STRING_8, whichever the spec's smallest encoding picks. */
    fun string(s: String) = if (s.toByteArray(Charsets.UTF_8).size < 16) tinyString(s) else string8(s)

    fun tinyMap(size: Int) { require(size < 16); u8(0xA0 + size) }
    fun tinyList(size: Int) { require(size < 16); u8(0x90 + size) }
    fun struct(fields: Int, tag: Int) { require(fields < 16); u8(0xB0 + fields); u8(tag) }

    fun build(): ByteArray = out.toByteArray()
}

fun bytes(block: BytesBuilder.() -> Unit): ByteArray = BytesBuilder().apply(block).build()

fun bytes(hexOctets: String): ByteArray = bytes { hex(hexOctets) }

/** Spec-style rendering for assertion messages: `"B1 70 A0"`. */
fun ByteArray.toHex(): String = joinToString(" ") { "%02X".format(it.toInt() and 0xFF) }

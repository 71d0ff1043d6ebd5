package org.boltkt.protocol.packstream

/** A hand-rolled UTF-8 encoder: the JDK's would need a temporary array per string, this writes in place. */
internal object Utf8 {
    fun encodedLength(s: String): Int {
        var n = s.length
        var i = 0
        while (i < s.length) {
            val c = s[i]
            if (c.code >= 0x80) {
                if (c.code < 0x800) n += 1
                else if (Character.isHighSurrogate(c) && i + 1 < s.length && Character.isLowSurrogate(s[i + 1])) {
                    n += 2; i++ // 4 bytes for 2 chars
                } else if (Character.isSurrogate(c)) {
                    // unpaired surrogate becomes '?', one byte, already counted
                } else n += 2
            }
            i++
        }
        return n
    }

    fun encode(s: String, out: ByteArray, start: Int): Int {
        var p = start
        var i = 0
        val len = s.length
        while (i < len) {
            val c = s[i].code
            if (c < 0x80) { out[p++] = c.toByte(); i++; continue }
            if (c < 0x800) {
                out[p++] = (0xC0 or (c shr 6)).toByte()
                out[p++] = (0x80 or (c and 0x3F)).toByte()
            } else if (Character.isHighSurrogate(s[i]) && i + 1 < len && Character.isLowSurrogate(s[i + 1])) {
                val cp = Character.toCodePoint(s[i], s[i + 1])
                out[p++] = (0xF0 or (cp shr 18)).toByte()
                out[p++] = (0x80 or ((cp shr 12) and 0x3F)).toByte()
                out[p++] = (0x80 or ((cp shr 6) and 0x3F)).toByte()
                out[p++] = (0x80 or (cp and 0x3F)).toByte()
                i++
            } else if (Character.isSurrogate(s[i])) {
                out[p++] = '?'.code.toByte()
            } else {
                out[p++] = (0xE0 or (c shr 12)).toByte()
                out[p++] = (0x80 or ((c shr 6) and 0x3F)).toByte()
                out[p++] = (0x80 or (c and 0x3F)).toByte()
            }
            i++
        }
        return p
    }
}

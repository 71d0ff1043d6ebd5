package org.boltkt.protocol.packstream

import org.boltkt.protocol.BoltProtocolException
import java.nio.ByteBuffer
import java.nio.charset.CharacterCodingException
import java.nio.charset.CodingErrorAction

/**
 * UTF-8 decoding that rejects malformed input instead of substituting U+FFFD. Stateless, so a reader (one per
 * message) allocates nothing for it.
 */
internal object StrictUtf8Decoder {
    fun decode(bytes: ByteArray, start: Int, n: Int, at: Int): String {
        var i = start
        val end = start + n
        while (i < end && bytes[i] >= 0) i++
        // Pure ASCII is the common case (keys, labels); Latin-1 decoding of it is exact and copies straight into
        // a compact string.
        if (i == end) return String(bytes, start, n, Charsets.ISO_8859_1)
        // The JDK's lenient decoder is the fast one; only a result holding U+FFFD can hide malformed input (or be
        // a genuine U+FFFD), and only then the strict decoder decides.
        val lenient = String(bytes, start, n, Charsets.UTF_8)
        if (lenient.indexOf('\uFFFD') < 0) return lenient
        return try {
            Charsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, n)).toString()
        } catch (e: CharacterCodingException) {
            throw BoltProtocolException("invalid UTF-8 in string", at, e)
        }
    }
}

package org.boltkt.protocol.packstream

import org.boltkt.protocol.BoltProtocolException
import java.nio.ByteBuffer
import java.nio.charset.CharacterCodingException
import java.nio.charset.CharsetDecoder
import java.nio.charset.CodingErrorAction

/** UTF-8 decoding that rejects malformed input instead of substituting U+FFFD. One per reader; not thread-safe. */
internal class StrictUtf8Decoder {
    private var decoder: CharsetDecoder? = null

    fun decode(bytes: ByteArray, start: Int, n: Int, at: Int): String {
        var i = start
        val end = start + n
        while (i < end && bytes[i] >= 0) i++
        // Pure ASCII is the common case (keys, labels); Latin-1 decoding of it is exact and copies straight into
        // a compact string.
        if (i == end) return String(bytes, start, n, Charsets.ISO_8859_1)
        val d = decoder ?: Charsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .also { decoder = it }
        d.reset()
        return try {
            d.decode(ByteBuffer.wrap(bytes, start, n)).toString()
        } catch (e: CharacterCodingException) {
            throw BoltProtocolException("invalid UTF-8 in string", at, e)
        }
    }
}

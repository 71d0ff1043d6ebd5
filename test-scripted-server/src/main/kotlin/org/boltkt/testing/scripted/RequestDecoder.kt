package org.boltkt.testing.scripted

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.packstream.DecodeLimits
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.value.ValueFormat

/**
 * One client request as the scripted server received it: the struct signature, the [RequestKind] it maps to
 * (null for a signature Bolt does not define) and its fields decoded generically as [Value]s. No field count or
 * type is enforced here, so a malformed-but-decodable request can be inspected by a test.
 */
data class ReceivedRequest(val signature: Int, val kind: RequestKind?, val fields: List<Value>) {
    /** The field at [index], or null when there are fewer fields. */
    fun field(index: Int): Value? = fields.getOrNull(index)

    /** RUN's query text (field 0), null for other requests. */
    val query: String? get() = if (kind == RequestKind.RUN) (field(0) as? StringValue)?.value else null

    /** RUN's parameters (field 1), empty for other requests. */
    val parameters: Map<String, Value> get() = if (kind == RequestKind.RUN) (field(1) as? MapValue)?.entries.orEmpty() else emptyMap()

    /**
     * The request's metadata map: HELLO `extra`, LOGON auth, BEGIN/RUN `extra`, PULL/DISCARD `{n, qid}`, ROUTE's
     * third field when it is a map (4.4+). Empty when the request has none.
     */
    val extra: Map<String, Value>
        get() {
            val i = when (kind) {
                RequestKind.RUN, RequestKind.ROUTE -> 2
                else -> 0
            }
            return (field(i) as? MapValue)?.entries.orEmpty()
        }

    /** [extra] converted to Kotlin natives (see [toNative]), convenient for `shouldBe` assertions. */
    val extraNative: Map<String, Any?> get() = extra.mapValues { it.value.toNative() }

    /** PULL/DISCARD `n`, or null. */
    val n: Long? get() = (extra["n"] as? IntegerValue)?.value

    override fun toString(): String =
        "${kind?.name ?: "0x%02X".format(signature)}${fields.joinToString(", ", "(", ")") { render(it) }}"

    private fun render(v: Value): String = v.toNative().toString()
}

/**
 * Decodes one de-chunked client message into a [ReceivedRequest]: the opposite direction of
 * [org.boltkt.protocol.message.RequestEncoder]. Fields are read with [ValueDecoder] in the negotiated [ValueFormat].
 *
 * @throws BoltProtocolException when the bytes are not exactly one PackStream structure.
 */
object RequestDecoder {
    private val bySignature: Map<Int, RequestKind> = RequestKind.entries.associateBy { it.signature }

    fun decode(
        bytes: ByteArray,
        format: ValueFormat,
        offset: Int = 0,
        length: Int = bytes.size - offset,
        limits: DecodeLimits = DecodeLimits.DEFAULT,
    ): ReceivedRequest {
        val r = PackStreamReader(bytes, offset, offset + length, limits)
        val h = r.readStructHeader()
        val fields = List(h.fieldCount) { ValueDecoder.read(r, format, 1) }
        if (r.hasRemaining()) throw BoltProtocolException("${r.remaining} trailing bytes after the request", r.position)
        return ReceivedRequest(h.tag, bySignature[h.tag], fields)
    }

    /** The kind for a signature byte, or null when Bolt defines no such request. */
    fun kindOf(signature: Int): RequestKind? = bySignature[signature]
}

package org.boltkt.protocol.message

import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.packstream.DecodeLimits
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.version.Capabilities

/**
 * Decodes the bytes of exactly one de-chunked server message into a [Response].
 *
 * Throws [BoltProtocolException] for anything malformed: an unknown signature, a wrong field count or type,
 * trailing bytes, or any PackStream problem (see [PackStreamReader]). Required FAILURE fields are `code` and
 * `message` before 5.7, `message` from 5.7 (missing GQL fields get documented defaults).
 *
 * Stateless and thread-safe.
 */
public object ResponseDecoder {
    private const val SUCCESS = 0x70
    private const val RECORD = 0x71
    private const val IGNORED = 0x7E
    private const val FAILURE = 0x7F

    /**
     * Decodes `bytes[offset until offset + length]`. With a [recordDecoder], a RECORD's fields are handed to it
     * (the reader at the fields list) and the result is a [Response.DecodedRecord]; the decoder must consume exactly
     * that list (trailing bytes are refused as usual) and throw [BoltProtocolException] for malformed bytes.
     */
    @JvmOverloads
    public fun decode(
        bytes: ByteArray,
        capabilities: Capabilities,
        limits: DecodeLimits = DecodeLimits.DEFAULT,
        offset: Int = 0,
        length: Int = bytes.size - offset,
        recordDecoder: RecordDecoder? = null,
    ): Response {
        val r = PackStreamReader(bytes, offset, offset + length, limits)
        val fmt = capabilities.valueFormat
        val h = r.readStructHeader()
        val expected = if (h.tag == IGNORED) 0 else 1
        if (h.tag != SUCCESS && h.tag != RECORD && h.tag != IGNORED && h.tag != FAILURE) {
            throw BoltProtocolException("unknown response signature 0x%02X".format(h.tag), offset)
        }
        if (h.fieldCount != expected) {
            throw BoltProtocolException("response 0x%02X needs $expected field(s), got ${h.fieldCount}".format(h.tag), offset)
        }
        val response = when (h.tag) {
            SUCCESS -> Response.Success(ValueDecoder.readMap(r, fmt, 1))
            RECORD -> if (recordDecoder == null) Response.Record(ValueDecoder.readList(r, fmt, 1)) else Response.DecodedRecord(recordDecoder.decode(r, fmt))
            IGNORED -> Response.Ignored
            else -> failure(ValueDecoder.readMap(r, fmt, 1), capabilities, offset)
        }
        if (r.hasRemaining()) throw BoltProtocolException("${r.remaining} trailing bytes after the message", r.position)
        return response
    }

    private fun failure(m: Map<String, Value>, c: Capabilities, at: Int): Response.Failure {
        if (!c.gqlFailures) {
            return Response.Failure(code = required(m, "code", at), message = required(m, "message", at))
        }
        return Response.Failure(
            code = optional(m, "neo4j_code", at) ?: Response.UNKNOWN_CODE,
            message = required(m, "message", at),
            gqlStatus = optional(m, "gql_status", at) ?: Response.UNKNOWN_GQL_STATUS,
            description = optional(m, "description", at) ?: "",
            diagnosticRecord = diagnostic(m, at),
            cause = cause(m["cause"], at),
        )
    }

    // The chain is already bounded by the nesting limit the map was decoded under; walk it without recursion.
    private fun cause(first: Value?, at: Int): Response.GqlCause? {
        val maps = ArrayList<Map<String, Value>>()
        var v = first
        while (v != null && v != NullValue) {
            val m = (v as? MapValue)?.entries ?: throw BoltProtocolException("FAILURE cause must be a map", at)
            maps += m
            v = m["cause"]
        }
        var built: Response.GqlCause? = null
        for (m in maps.asReversed()) {
            built = Response.GqlCause(
                gqlStatus = optional(m, "gql_status", at) ?: Response.UNKNOWN_GQL_STATUS,
                description = optional(m, "description", at) ?: "",
                message = optional(m, "message", at) ?: "",
                diagnosticRecord = diagnostic(m, at),
                cause = built,
            )
        }
        return built
    }

    private fun diagnostic(m: Map<String, Value>, at: Int): Map<String, Value>? = when (val d = m["diagnostic_record"]) {
        null, NullValue -> null
        is MapValue -> d.entries
        else -> throw BoltProtocolException("FAILURE diagnostic_record must be a map", at)
    }

    private fun required(m: Map<String, Value>, key: String, at: Int): String =
        optional(m, key, at) ?: throw BoltProtocolException("FAILURE without '$key'", at)

    private fun optional(m: Map<String, Value>, key: String, at: Int): String? = when (val v = m[key]) {
        null, NullValue -> null
        is StringValue -> v.value
        else -> throw BoltProtocolException("FAILURE field '$key' must be a string", at)
    }
}

package org.boltkt.testing.scripted

import org.boltkt.protocol.message.Response
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueEncoder
import org.boltkt.protocol.value.ValueFormat
import org.boltkt.protocol.version.Capabilities

/**
 * Encodes server responses (the message body, before chunking): the opposite direction of
 * [org.boltkt.protocol.message.ResponseDecoder].
 *
 * A [Response.Failure] is rendered in the shape the negotiated version uses: `{code, message}` before 5.7, the GQL
 * shape `{message, gql_status, description, neo4j_code, diagnostic_record?, cause?}` from 5.7 (missing GQL fields
 * get the defaults a real server would send). For any other shape use [encodeStruct] with hand-made fields.
 */
object ResponseEncoder {
    const val SUCCESS: Int = 0x70
    const val RECORD: Int = 0x71
    const val IGNORED: Int = 0x7E
    const val FAILURE: Int = 0x7F

    /** The bytes of [response] for [capabilities], in a fresh array. */
    fun encode(response: Response, capabilities: Capabilities): ByteArray =
        PackStreamWriter(64).also { encode(response, capabilities, it) }.toByteArray()

    /** Appends [response] to [writer]. @throws IllegalArgumentException for values that cannot be encoded. */
    fun encode(response: Response, capabilities: Capabilities, writer: PackStreamWriter) {
        val fmt = capabilities.valueFormat
        when (response) {
            is Response.Success -> { writer.writeStructHeader(1, SUCCESS); writeMapLenient(writer, response.metadata, fmt) }
            is Response.Record -> {
                writer.writeStructHeader(1, RECORD)
                writer.writeListHeader(response.fields.size)
                response.fields.forEach { writeLenient(writer, it, fmt) }
            }
            Response.Ignored -> writer.writeStructHeader(0, IGNORED)
            is Response.DecodedRecord -> throw IllegalArgumentException("a RECORD decoded by a client's RecordDecoder cannot be encoded")
            is Response.Failure -> { writer.writeStructHeader(1, FAILURE); writeMapLenient(writer, failureMetadata(response, capabilities), fmt) }
        }
    }

    /** A structure with any [signature] and [fields], e.g. a FAILURE with a broken map or an unknown message. */
    fun encodeStruct(signature: Int, fields: List<Value>, format: ValueFormat): ByteArray {
        val w = PackStreamWriter(64)
        w.writeStructHeader(fields.size, signature)
        fields.forEach { writeLenient(w, it, format) }
        return w.toByteArray()
    }

    /** The FAILURE metadata map [failure] is sent as under [capabilities]. */
    fun failureMetadata(failure: Response.Failure, capabilities: Capabilities): Map<String, Value> {
        if (!capabilities.gqlFailures) {
            return linkedMapOf("code" to StringValue(failure.code), "message" to StringValue(failure.message))
        }
        val m = LinkedHashMap<String, Value>()
        m["message"] = StringValue(failure.message)
        m["gql_status"] = StringValue(failure.gqlStatus ?: Response.UNKNOWN_GQL_STATUS)
        m["description"] = StringValue(failure.description ?: defaultDescription(failure.message))
        m["neo4j_code"] = StringValue(failure.code)
        failure.diagnosticRecord?.let { m["diagnostic_record"] = MapValue(it) }
        failure.cause?.let { m["cause"] = cause(it) }
        return m
    }

    private fun cause(c: Response.GqlCause): MapValue {
        val m = LinkedHashMap<String, Value>()
        m["message"] = StringValue(c.message)
        m["gql_status"] = StringValue(c.gqlStatus)
        m["description"] = StringValue(c.description)
        c.diagnosticRecord?.let { m["diagnostic_record"] = MapValue(it) }
        c.cause?.let { m["cause"] = cause(it) }
        return MapValue(m)
    }

    private fun defaultDescription(message: String) = "error: general processing exception - unexpected error. $message"

    // Servers send graph entities in records, which ValueEncoder (a parameter encoder) refuses; they are written here.
    private fun writeMapLenient(w: PackStreamWriter, entries: Map<String, Value>, fmt: ValueFormat) {
        w.writeMapHeader(entries.size)
        for ((k, v) in entries) { w.writeString(k); writeLenient(w, v, fmt) }
    }

    private fun writeLenient(w: PackStreamWriter, v: Value, fmt: ValueFormat) {
        when (v) {
            is org.boltkt.protocol.value.ListValue -> { w.writeListHeader(v.values.size); v.values.forEach { writeLenient(w, it, fmt) } }
            is MapValue -> writeMapLenient(w, v.entries, fmt)
            is org.boltkt.protocol.value.UnknownStructValue -> {
                w.writeStructHeader(v.fields.size, v.tag); v.fields.forEach { writeLenient(w, it, fmt) }
            }
            else -> GraphEncoding.write(w, v, fmt) ?: ValueEncoder.write(w, v, fmt)
        }
    }
}

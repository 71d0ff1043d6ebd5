package org.boltkt.client.mapping

import org.boltkt.client.error.ResultMappingException
import org.boltkt.protocol.message.RecordDecoder
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.value.ValueFormat

/**
 * Decodes a RECORD's fields straight from its bytes into a row of [rows]' type, for the connection to call as each
 * RECORD arrives (installed by the typed result reading it). Returns the row, [NullRow] for a null row, or a
 * [MappingFailure] when the row does not fit: then the record's bytes are read again with the protocol's value
 * decoder, so the message is validated and consumed exactly as on the `Record` path, and the connection stays in
 * sync. Malformed bytes throw [org.boltkt.protocol.BoltProtocolException] (the connection is then closed).
 */
internal class RowBytesDecoder(val rows: RowDecoder<*>) : RecordDecoder {
    private val input = PackStreamInput()

    override fun decode(reader: PackStreamReader, format: ValueFormat): Any {
        val start = reader.position
        return try {
            rows.decodeFrom(input.reset(reader, format)) ?: NullRow
        } catch (e: ResultMappingException) {
            reader.rewind(start)
            ValueDecoder.readList(reader, format, 1)
            MappingFailure(e)
        }
    }
}

/** A row that mapped to null (a one-column result into a nullable type). */
internal object NullRow

/** A row that did not fit: [error] is thrown to the reader that reaches it; later rows are unaffected. */
internal class MappingFailure(val error: ResultMappingException)

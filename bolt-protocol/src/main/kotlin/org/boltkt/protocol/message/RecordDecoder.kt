package org.boltkt.protocol.message

import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.value.ValueFormat

/**
 * Decodes the fields of a RECORD message into an object of the caller's choice instead of a list of
 * [org.boltkt.protocol.value.Value]s (a client maps rows straight from the bytes this way); see
 * [ResponseDecoder.decode]. Called with [reader] at the fields list; must leave it right after that list and throw
 * [org.boltkt.protocol.BoltProtocolException] for malformed bytes. Called on the decoding thread; implementations
 * decide their own thread-safety.
 */
public fun interface RecordDecoder {
    /** The row for the fields list at [reader], decoded per [format]. */
    public fun decode(reader: PackStreamReader, format: ValueFormat): Any
}

package org.boltkt.protocol.message

import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.value.ValueFormat

/**
 * Writes a [Run]'s parameters straight into the message while [RequestEncoder] encodes it, so parameters built from
 * the caller's objects need no intermediate [org.boltkt.protocol.value.Value] tree. The writer learns the negotiated
 * [ValueFormat] only then, so version-dependent choices (date-time structs, whether vectors may be sent) are made
 * for the connection that sends the message.
 *
 * Contract: [write] appends exactly one PackStream map with string keys. It must throw [IllegalArgumentException]
 * (naming the parameter and the fix) for a value the format cannot carry; the encoder's caller then discards the
 * partial message, so nothing is sent. It may be called more than once (a retried transaction encodes again) and
 * must write the same parameters each time. Called on the encoding thread; implementations need not be thread-safe
 * beyond what their own state requires.
 */
public fun interface ParameterWriter {
    /** Appends the parameter map to [writer] in [format]. @throws IllegalArgumentException for a value that cannot be sent. */
    public fun write(writer: PackStreamWriter, format: ValueFormat)
}

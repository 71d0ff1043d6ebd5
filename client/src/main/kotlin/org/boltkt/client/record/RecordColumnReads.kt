package org.boltkt.client.record

import org.boltkt.client.value.UncoercibleValueException
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.Value

// Shared contract of the typed Record getters (RecordScalarGetters.kt, RecordGraphGetters.kt,
// RecordTemporalGetters.kt): each getX throws UncoercibleValueException when the column is null (message
// "column 'x' is null; use getXOrNull") or of another type (message names the column, the actual and the expected
// type); getXOrNull returns null for a null column and throws the same way for another type. An unknown key throws
// NoSuchElementException listing the keys, a bad index IndexOutOfBoundsException (see Record.get). Conversions are
// those of the Value.asX accessors in org.boltkt.client.value. All are pure and thread-safe.

internal inline fun <T> Record.readKey(key: String, getter: String, read: (Value) -> T): T {
    val v = values[indexOfExisting(key)]
    try {
        return read(v)
    } catch (e: UncoercibleValueException) {
        throw columnError("column '$key'", getter, e)
    }
}

internal inline fun <T> Record.readIndex(index: Int, getter: String, read: (Value) -> T): T {
    val v = this[index]
    try {
        return read(v)
    } catch (e: UncoercibleValueException) {
        throw columnError("column $index ('${keys[index]}')", getter, e)
    }
}

internal fun columnError(column: String, getter: String, e: UncoercibleValueException): UncoercibleValueException {
    val base = getter.removeSuffix("OrNull")
    val message = if (e.actual === NullValue) "$column is null; use ${base}OrNull" else "$column: ${e.message}"
    return UncoercibleValueException(e.expected, e.actual, message)
}

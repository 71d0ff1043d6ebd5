package org.boltkt.client.mapping

import org.boltkt.protocol.value.Value

/** What the next value of a [BoltInput] is, as far as mapping cares; [OTHER] is any other structure (temporal, point, …). */
internal enum class InputType { NULL, BOOLEAN, INTEGER, FLOAT, STRING, BYTES, LIST, MAP, NODE, RELATIONSHIP, PATH, OTHER }

/**
 * A sequential reader of Bolt values, so one decoder ([BoltDecoder]) maps both a [Value] tree ([ValueInput]) and the
 * PackStream bytes of a RECORD ([PackStreamInput]) with the same rules and the same errors.
 *
 * Every read consumes the next value. Containers are entered with [beginList], [beginMap] or [beginEntity]; their
 * items then follow one after another (a map entry is [readKey] then its value) and [end] closes the container.
 * Not thread-safe.
 */
internal interface BoltInput {
    fun peekType(): InputType

    /** The Cypher type name of the next value (`INTEGER`, `DATE`, …), for errors; does not consume it. */
    fun peekTypeName(): String

    fun readNull()
    fun readBoolean(): Boolean
    fun readLong(): Long
    fun readDouble(): Double
    fun readString(): String
    fun readBytes(): ByteArray

    /** Reads the next value whole, whatever its type. */
    fun readValue(): Value

    fun skip()

    /** Enters a LIST (or a VECTOR, whose elements then read as numbers); returns the number of items. */
    fun beginList(): Int

    /** Enters a MAP; returns the number of entries (each: [readKey], then the value). */
    fun beginMap(): Int

    /**
     * Enters a NODE or RELATIONSHIP to read its properties only: returns the number of property entries, which follow
     * like a map's. Labels, type and ids are skipped.
     */
    fun beginEntity(): Int

    fun readKey(): String

    /** Leaves the container entered last. */
    fun end()
}

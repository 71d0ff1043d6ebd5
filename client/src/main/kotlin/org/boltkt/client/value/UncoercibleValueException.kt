package org.boltkt.client.value

import org.boltkt.protocol.value.Value

/**
 * Thrown when a [Value] is read as a Kotlin type it cannot be converted to, e.g. a [org.boltkt.protocol.value.StringValue]
 * read with [asLong], or an integer that does not fit an `Int`. This is a client-side usage error, never a server
 * error: the value itself is fine, the caller asked for the wrong type.
 *
 * Immutable and therefore thread-safe.
 *
 * @property expected a human-readable name of the type that was asked for (e.g. `"INTEGER"`, `"Int"`).
 * @property actual the value that could not be converted.
 */
public class UncoercibleValueException(
    public val expected: String,
    public val actual: Value,
    message: String = "cannot read ${actual.typeName()} as $expected",
) : IllegalStateException(message)

package org.boltkt.protocol.value

/**
 * Every value Bolt can carry, decoded from or encoded to PackStream by [ValueDecoder] and [ValueEncoder].
 *
 * Values are immutable once built (collections must not be mutated after construction) and safe to share
 * between threads. Equality is structural; byte arrays compare by content.
 */
public sealed interface Value

/** The PackStream Null. */
public data object NullValue : Value

/** A Boolean. */
public data class BooleanValue(public val value: Boolean) : Value {
    public companion object {
        public val TRUE: BooleanValue = BooleanValue(true)
        public val FALSE: BooleanValue = BooleanValue(false)

        /** The shared instance for [value]. */
        public fun of(value: Boolean): BooleanValue = if (value) TRUE else FALSE
    }
}

/** A signed 64-bit Integer. */
public data class IntegerValue(public val value: Long) : Value {
    public companion object {
        private const val CACHE_LOW = -128L
        private const val CACHE_HIGH = 1023L
        private val cache = Array((CACHE_HIGH - CACHE_LOW + 1).toInt()) { IntegerValue(it + CACHE_LOW) }

        /**
         * An instance holding [value]: shared for -128..1023 (counts, small ids, flags, like `Long.valueOf`), new
         * otherwise. Equality never depends on identity. Safe to call from any thread.
         */
        public fun of(value: Long): IntegerValue =
            if (value in CACHE_LOW..CACHE_HIGH) cache[(value - CACHE_LOW).toInt()] else IntegerValue(value)
    }
}

/** A 64-bit Float. Equality follows [Double.equals] (NaN equals NaN, 0.0 differs from -0.0). */
public data class FloatValue(public val value: Double) : Value

/** A Unicode String. */
public data class StringValue(public val value: String) : Value

/** A byte array; the array is owned by this value and must not be mutated. Equality is by content. */
public class BytesValue(public val value: ByteArray) : Value {
    override fun equals(other: Any?): Boolean = other is BytesValue && value.contentEquals(other.value)
    override fun hashCode(): Int = value.contentHashCode()
    override fun toString(): String = "BytesValue(${value.size} bytes)"
}

/**
 * A UUID (Bolt 6.1+, PackStream marker `0xE0` and 16 bytes): Neo4j's UUID type, as a [java.util.UUID]. Connections
 * on older versions cannot carry it; see [ValueFormat.uuids].
 */
public data class UuidValue(public val value: java.util.UUID) : Value

/** An ordered List of values. */
public data class ListValue(public val values: List<Value>) : Value

/** A Dictionary with String keys. Iteration order is wire order (the decoder uses insertion-ordered maps). */
public data class MapValue(public val entries: Map<String, Value>) : Value {
    public companion object {
        public val EMPTY: MapValue = MapValue(emptyMap())
    }
}

/**
 * A structure whose tag this codec does not know (or cannot use in the negotiated format), kept whole so the
 * rest of the message still decodes. Fields are decoded generically.
 *
 * @property tag the unsigned tag byte.
 */
public data class UnknownStructValue(public val tag: Int, public val fields: List<Value>) : Value

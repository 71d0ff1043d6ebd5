package org.boltkt.protocol.value

import java.nio.ByteBuffer

/**
 * The element type of a [VectorValue], identified on the wire by the PackStream marker of the matching scalar
 * (FLOAT_32, which PackStream itself lacks, uses 0xC6).
 */
public enum class VectorElementType(public val marker: Int, public val byteSize: Int) {
    INT8(0xC8, 1), INT16(0xC9, 2), INT32(0xCA, 4), INT64(0xCB, 8), FLOAT32(0xC6, 4), FLOAT64(0xC1, 8);

    public companion object {
        /** The type for a wire marker, or null when unknown. */
        public fun ofMarker(marker: Int): VectorElementType? = entries.firstOrNull { it.marker == marker }
    }
}

/**
 * A homogeneous vector (Bolt 6.0+, struct `V`): [data] holds the elements big-endian and back to back, exactly as
 * on the wire, so decoding copies no more than once. The array is owned by this value and must not be mutated.
 *
 * @throws IllegalArgumentException from the constructor when [data] is not a whole number of elements.
 */
public class VectorValue(public val elementType: VectorElementType, public val data: ByteArray) : Value {
    init {
        require(data.size % elementType.byteSize == 0) { "${data.size} bytes is not a whole number of $elementType" }
    }

    /** Number of elements. */
    public val size: Int get() = data.size / elementType.byteSize

    /** The elements widened to `Long`. @throws IllegalStateException for float vectors. */
    public fun toLongArray(): LongArray {
        val b = ByteBuffer.wrap(data)
        return when (elementType) {
            VectorElementType.INT8 -> LongArray(size) { data[it].toLong() }
            VectorElementType.INT16 -> LongArray(size) { b.getShort(it * 2).toLong() }
            VectorElementType.INT32 -> LongArray(size) { b.getInt(it * 4).toLong() }
            VectorElementType.INT64 -> LongArray(size) { b.getLong(it * 8) }
            else -> throw IllegalStateException("$elementType vector has no integer view")
        }
    }

    /** The elements as `Double` (integers converted, FLOAT32 widened exactly). */
    public fun toDoubleArray(): DoubleArray {
        val b = ByteBuffer.wrap(data)
        return when (elementType) {
            VectorElementType.FLOAT32 -> DoubleArray(size) { b.getFloat(it * 4).toDouble() }
            VectorElementType.FLOAT64 -> DoubleArray(size) { b.getDouble(it * 8) }
            else -> toLongArray().let { l -> DoubleArray(l.size) { l[it].toDouble() } }
        }
    }

    override fun equals(other: Any?): Boolean =
        other is VectorValue && elementType == other.elementType && data.contentEquals(other.data)

    override fun hashCode(): Int = 31 * elementType.hashCode() + data.contentHashCode()
    override fun toString(): String = "VectorValue($elementType x $size)"

    public companion object {
        /** An INT8..INT64 vector; every element must fit [type]. @throws IllegalArgumentException otherwise. */
        public fun ofLongs(type: VectorElementType, values: LongArray): VectorValue {
            val b = ByteBuffer.allocate(values.size * type.byteSize)
            for (v in values) when (type) {
                VectorElementType.INT8 -> { require(v in Byte.MIN_VALUE..Byte.MAX_VALUE) { "$v does not fit INT8" }; b.put(v.toInt().toByte()) }
                VectorElementType.INT16 -> { require(v in Short.MIN_VALUE..Short.MAX_VALUE) { "$v does not fit INT16" }; b.putShort(v.toInt().toShort()) }
                VectorElementType.INT32 -> { require(v in Int.MIN_VALUE..Int.MAX_VALUE) { "$v does not fit INT32" }; b.putInt(v.toInt()) }
                VectorElementType.INT64 -> b.putLong(v)
                else -> throw IllegalArgumentException("$type is not an integer type")
            }
            return VectorValue(type, b.array())
        }

        /** A FLOAT64 vector. */
        public fun ofDoubles(values: DoubleArray): VectorValue {
            val b = ByteBuffer.allocate(values.size * 8)
            for (v in values) b.putDouble(v)
            return VectorValue(VectorElementType.FLOAT64, b.array())
        }

        /** A FLOAT32 vector. */
        public fun ofFloats(values: FloatArray): VectorValue {
            val b = ByteBuffer.allocate(values.size * 4)
            for (v in values) b.putFloat(v)
            return VectorValue(VectorElementType.FLOAT32, b.array())
        }
    }
}

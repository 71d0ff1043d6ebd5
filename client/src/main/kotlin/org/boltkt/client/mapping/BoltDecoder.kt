package org.boltkt.client.mapping

import kotlinx.serialization.DeserializationStrategy
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.descriptors.PolymorphicKind
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.SerialKind
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.encoding.CompositeDecoder
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.modules.SerializersModule
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.Value

/**
 * The kotlinx.serialization [Decoder] of one Bolt value read from [input]: scalars directly, containers through
 * [beginStructure] ([ClassDecoder], [ListDecoder], [MapDecoder]); graph values, points, durations and paths whose
 * class needs more than properties go through [GraphViews] as a [ValueInput]. A value that does not fit throws a
 * [MappingProblem]; malformed bytes throw [org.boltkt.protocol.BoltProtocolException] from the input.
 */
@OptIn(ExperimentalSerializationApi::class)
internal open class BoltDecoder(@JvmField val input: BoltInput, @JvmField val context: MappingContext) : Decoder {
    override val serializersModule: SerializersModule get() = BoltSerializers.module

    override fun decodeNotNullMark(): Boolean = input.peekType() != InputType.NULL

    override fun decodeNull(): Nothing? {
        input.readNull()
        return null
    }

    override fun decodeBoolean(): Boolean {
        if (input.peekType() != InputType.BOOLEAN) throw mismatch("kotlin.Boolean")
        return input.readBoolean()
    }

    override fun decodeLong(): Long {
        if (input.peekType() != InputType.INTEGER) throw mismatch("kotlin.Long")
        return input.readLong()
    }

    override fun decodeInt(): Int = narrow("kotlin.Int", Int.MIN_VALUE.toLong(), Int.MAX_VALUE.toLong()).toInt()
    override fun decodeShort(): Short = narrow("kotlin.Short", Short.MIN_VALUE.toLong(), Short.MAX_VALUE.toLong()).toInt().toShort()
    override fun decodeByte(): Byte = narrow("kotlin.Byte", Byte.MIN_VALUE.toLong(), Byte.MAX_VALUE.toLong()).toInt().toByte()

    private fun narrow(declared: String, min: Long, max: Long): Long {
        if (input.peekType() != InputType.INTEGER) throw mismatch(declared)
        val v = input.readLong()
        if (v < min || v > max) {
            throw MappingProblem("INTEGER", "declare the property as a wider type (e.g. kotlin.Long)", declared, "$v is out of range")
        }
        return v
    }

    override fun decodeDouble(): Double = when (input.peekType()) {
        InputType.FLOAT -> input.readDouble()
        InputType.INTEGER -> {
            val v = input.readLong()
            val d = v.toDouble()
            if (d >= 9.223372036854776E18 || d.toLong() != v) {
                throw MappingProblem("INTEGER", "declare the property as kotlin.Long", "kotlin.Double", "$v has no exact Double")
            }
            d
        }
        else -> throw mismatch("kotlin.Double")
    }

    /** Cypher floats are 64-bit: a Float property gets the nearest Float. */
    override fun decodeFloat(): Float = decodeDouble().toFloat()

    override fun decodeString(): String = when (input.peekType()) {
        InputType.STRING -> input.readString()
        InputType.OTHER -> {
            val name = input.peekTypeName()
            Iso.text(input.readValue()) ?: throw MappingProblem.typeMismatch(name, "kotlin.String")
        }
        else -> throw mismatch("kotlin.String")
    }

    override fun decodeChar(): Char {
        if (input.peekType() != InputType.STRING) throw mismatch("kotlin.Char")
        val s = input.readString()
        if (s.length != 1) throw MappingProblem("STRING", "declare the property as kotlin.String", "kotlin.Char", "\"$s\" is not one character")
        return s[0]
    }

    override fun decodeEnum(enumDescriptor: SerialDescriptor): Int {
        if (input.peekType() != InputType.STRING) throw mismatch(enumDescriptor.serialName)
        val s = input.readString()
        val i = enumDescriptor.getElementIndex(s)
        if (i == CompositeDecoder.UNKNOWN_NAME) {
            val names = (0 until enumDescriptor.elementsCount).map { enumDescriptor.getElementName(it) }
            throw MappingProblem("STRING", "return one of $names, or map the constant with @SerialName", enumDescriptor.serialName, "\"$s\" is no constant of the enum")
        }
        return i
    }

    override fun decodeInline(descriptor: SerialDescriptor): Decoder = this

    override fun beginStructure(descriptor: SerialDescriptor): CompositeDecoder = when (descriptor.kind) {
        StructureKind.CLASS, StructureKind.OBJECT -> beginClass(descriptor)
        StructureKind.LIST -> when (input.peekType()) {
            InputType.LIST -> context.listDecoder(input, input.beginList())
            InputType.OTHER -> if (input.peekTypeName() == "VECTOR") {
                // A vector's elements are packed bytes: read it whole and walk its numbers.
                val sub = ValueInput(input.readValue())
                ListDecoder(sub, context, sub.beginList())
            } else {
                throw mismatch(descriptor.serialName)
            }
            else -> throw mismatch(descriptor.serialName)
        }
        StructureKind.MAP -> when (input.peekType()) {
            InputType.MAP -> MapDecoder(input, context, input.beginMap())
            InputType.NODE, InputType.RELATIONSHIP -> MapDecoder(input, context, input.beginEntity())
            else -> throw mismatch(descriptor.serialName)
        }
        is PolymorphicKind, SerialKind.CONTEXTUAL -> throw MappingProblem(
            input.peekTypeName(),
            "map into a concrete class: polymorphic and sealed types are not supported by typed results",
            descriptor.serialName,
        )
        else -> throw mismatch(descriptor.serialName)
    }

    private fun beginClass(descriptor: SerialDescriptor): CompositeDecoder {
        val plan = context.plan(descriptor)
        return when (input.peekType()) {
            InputType.MAP -> plan.mapDecoder(input, context, input.beginMap())
            InputType.NODE, InputType.RELATIONSHIP ->
                if (plan.needsGraphFields) viewOf(descriptor) else plan.mapDecoder(input, context, input.beginEntity())
            InputType.PATH, InputType.OTHER -> viewOf(descriptor)
            else -> throw mismatch(descriptor.serialName)
        }
    }

    /** The next value seen as a map (a node with its element id and labels, a path, a point, a duration). */
    private fun viewOf(descriptor: SerialDescriptor): CompositeDecoder {
        val name = input.peekTypeName()
        val view = GraphViews.asMap(input.readValue(), context.plan(descriptor)) ?: throw MappingProblem.typeMismatch(name, descriptor.serialName)
        val sub = ValueInput(view)
        return ClassDecoder(sub, context, context.plan(descriptor), sub.beginMap(), null, null)
    }

    @Suppress("UNCHECKED_CAST")
    override fun <T> decodeSerializableValue(deserializer: DeserializationStrategy<T>): T {
        val name = deserializer.descriptor.serialName
        when (name) {
            "kotlin.ByteArray" -> if (input.peekType() == InputType.BYTES) return input.readBytes() as T
            "kotlin.time.Duration" -> if (input.peekTypeName() == "DURATION") return Durations.kotlin(input.readValue() as DurationValue) as T
        }
        return deserializer.deserialize(this)
    }

    /** The next value whole, for the library's serializers of java.time and other value types. */
    fun decodeBoltValue(): Value = input.readValue()

    fun mismatch(declared: String): MappingProblem =
        if (input.peekType() == InputType.NULL) MappingProblem.nullIntoNonNull(declared) else MappingProblem.typeMismatch(input.peekTypeName(), declared)
}

package org.boltkt.client.mapping

import kotlinx.serialization.DeserializationStrategy
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.MissingFieldException
import kotlinx.serialization.SerializationException
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.CompositeDecoder
import kotlinx.serialization.encoding.Decoder

/**
 * The element reads every container shares: each reads the next value of the same input, and a [MappingProblem]
 * (or a serializer's own refusal) gains the element's segment on its way out.
 */
@OptIn(ExperimentalSerializationApi::class)
internal abstract class CompositeBase(input: BoltInput, context: MappingContext) : BoltDecoder(input, context), CompositeDecoder {
    /** The path segment of element [index] (a property name, `[i]`, `[key]`). */
    abstract fun segment(descriptor: SerialDescriptor, index: Int): String

    /** A null to hand out without reading (a missing nullable property). */
    open fun takeInjectedNull(): Boolean = false

    inline fun <R> element(descriptor: SerialDescriptor, index: Int, read: () -> R): R =
        try {
            read()
        } catch (p: MappingProblem) {
            throw p.at(segment(descriptor, index), elementType(descriptor, index))
        } catch (e: MissingFieldException) {
            throw MappingProblem("MAP", "return the missing keys ${e.missingFields} or give the properties defaults", null, e.message)
                .at(segment(descriptor, index), elementType(descriptor, index))
        } catch (e: SerializationException) {
            throw refused(e).at(segment(descriptor, index), elementType(descriptor, index))
        } catch (e: IllegalArgumentException) {
            throw refused(e).at(segment(descriptor, index), elementType(descriptor, index))
        }

    fun refused(e: Exception): MappingProblem =
        MappingProblem("a value", "return a value the property's serializer accepts, or change the property's type", null, e.message, e)

    fun elementType(descriptor: SerialDescriptor, index: Int): String =
        if (descriptor.kind == kotlinx.serialization.descriptors.StructureKind.CLASS || descriptor.kind == kotlinx.serialization.descriptors.StructureKind.OBJECT) {
            descriptor.getElementDescriptor(index).serialName
        } else {
            descriptor.getElementDescriptor(if (descriptor.elementsCount > 1) index % 2 else 0).serialName
        }

    override fun decodeBooleanElement(descriptor: SerialDescriptor, index: Int): Boolean = element(descriptor, index) { decodeBoolean() }
    override fun decodeByteElement(descriptor: SerialDescriptor, index: Int): Byte = element(descriptor, index) { decodeByte() }
    override fun decodeCharElement(descriptor: SerialDescriptor, index: Int): Char = element(descriptor, index) { decodeChar() }
    override fun decodeShortElement(descriptor: SerialDescriptor, index: Int): Short = element(descriptor, index) { decodeShort() }
    override fun decodeIntElement(descriptor: SerialDescriptor, index: Int): Int = element(descriptor, index) { decodeInt() }
    override fun decodeLongElement(descriptor: SerialDescriptor, index: Int): Long = element(descriptor, index) { decodeLong() }
    override fun decodeFloatElement(descriptor: SerialDescriptor, index: Int): Float = element(descriptor, index) { decodeFloat() }
    override fun decodeDoubleElement(descriptor: SerialDescriptor, index: Int): Double = element(descriptor, index) { decodeDouble() }
    override fun decodeStringElement(descriptor: SerialDescriptor, index: Int): String = element(descriptor, index) { decodeString() }
    override fun decodeInlineElement(descriptor: SerialDescriptor, index: Int): Decoder = InlineElement(this, descriptor, index)

    /** A value class's property: reads like its element, with the element's segment on errors. */
    private class InlineElement(private val owner: CompositeBase, private val d: SerialDescriptor, private val i: Int) : Decoder by owner {
        override fun decodeBoolean(): Boolean = owner.element(d, i) { owner.decodeBoolean() }
        override fun decodeByte(): Byte = owner.element(d, i) { owner.decodeByte() }
        override fun decodeShort(): Short = owner.element(d, i) { owner.decodeShort() }
        override fun decodeChar(): Char = owner.element(d, i) { owner.decodeChar() }
        override fun decodeInt(): Int = owner.element(d, i) { owner.decodeInt() }
        override fun decodeLong(): Long = owner.element(d, i) { owner.decodeLong() }
        override fun decodeFloat(): Float = owner.element(d, i) { owner.decodeFloat() }
        override fun decodeDouble(): Double = owner.element(d, i) { owner.decodeDouble() }
        override fun decodeString(): String = owner.element(d, i) { owner.decodeString() }
        override fun decodeEnum(enumDescriptor: SerialDescriptor): Int = owner.element(d, i) { owner.decodeEnum(enumDescriptor) }
        override fun decodeInline(descriptor: SerialDescriptor): Decoder = this
        override fun <T> decodeSerializableValue(deserializer: DeserializationStrategy<T>): T =
            owner.element(d, i) { owner.decodeSerializableValue(deserializer) }
    }

    override fun <T> decodeSerializableElement(
        descriptor: SerialDescriptor,
        index: Int,
        deserializer: DeserializationStrategy<T>,
        previousValue: T?,
    ): T = element(descriptor, index) { decodeSerializableValue(deserializer) }

    override fun <T : Any> decodeNullableSerializableElement(
        descriptor: SerialDescriptor,
        index: Int,
        deserializer: DeserializationStrategy<T?>,
        previousValue: T?,
    ): T? {
        if (takeInjectedNull()) return null
        return element(descriptor, index) {
            if (input.peekType() == InputType.NULL) {
                input.readNull()
                null
            } else {
                decodeSerializableValue(deserializer)
            }
        }
    }

    override fun endStructure(descriptor: SerialDescriptor) {
        input.end()
    }
}

/** A LIST (or VECTOR) of [size] items into a collection or array. */
@OptIn(ExperimentalSerializationApi::class)
internal class ListDecoder(input: BoltInput, context: MappingContext, private var size: Int) : CompositeBase(input, context) {
    private var next = 0

    /** Makes this decoder ready for the next list of [size] items from the same input (see [MappingContext.listDecoder]). */
    fun restart(size: Int): ListDecoder {
        this.size = size
        next = 0
        return this
    }

    override fun endStructure(descriptor: SerialDescriptor) {
        super.endStructure(descriptor)
        context.release(this)
    }

    override fun decodeSequentially(): Boolean = true
    override fun decodeCollectionSize(descriptor: SerialDescriptor): Int = size
    override fun decodeElementIndex(descriptor: SerialDescriptor): Int = if (next < size) next++ else CompositeDecoder.DECODE_DONE
    override fun segment(descriptor: SerialDescriptor, index: Int): String = "[$index]"
}

/** A MAP (or a node's or relationship's properties) of [size] entries into a `Map`; keys come from the input. */
@OptIn(ExperimentalSerializationApi::class)
internal class MapDecoder(
    input: BoltInput,
    context: MappingContext,
    private val size: Int,
    private val rowKeys: List<String>? = null,
) : CompositeBase(input, context) {
    private var next = 0
    private var key = ""

    override fun decodeSequentially(): Boolean = true
    override fun decodeCollectionSize(descriptor: SerialDescriptor): Int = size
    override fun decodeElementIndex(descriptor: SerialDescriptor): Int = if (next < size * 2) next++ else CompositeDecoder.DECODE_DONE
    override fun segment(descriptor: SerialDescriptor, index: Int): String = "[$key]"

    override fun decodeStringElement(descriptor: SerialDescriptor, index: Int): String =
        if (index % 2 == 0) nextKey(index) else super.decodeStringElement(descriptor, index)

    private fun nextKey(index: Int): String {
        key = if (rowKeys != null) rowKeys[index / 2] else input.readKey()
        return key
    }

    override fun <T> decodeSerializableElement(
        descriptor: SerialDescriptor,
        index: Int,
        deserializer: DeserializationStrategy<T>,
        previousValue: T?,
    ): T {
        if (index % 2 == 1) return super.decodeSerializableElement(descriptor, index, deserializer, previousValue)
        nextKey(index)
        return element(descriptor, index) { deserializer.deserialize(KeyDecoder(key, this)) }
    }
}

/** A map key handed to the key's serializer: a string, or an enum constant named by it. */
@OptIn(ExperimentalSerializationApi::class)
internal class KeyDecoder(private val key: String, private val owner: BoltDecoder) : Decoder by owner {
    override fun decodeString(): String = key
    override fun decodeNotNullMark(): Boolean = true
    override fun decodeEnum(enumDescriptor: SerialDescriptor): Int {
        val i = enumDescriptor.getElementIndex(key)
        if (i == CompositeDecoder.UNKNOWN_NAME) throw MappingProblem("STRING", "use String keys, or keys that name the enum's constants", enumDescriptor.serialName, "key \"$key\"")
        return i
    }
    override fun decodeInline(descriptor: SerialDescriptor): Decoder = this
}

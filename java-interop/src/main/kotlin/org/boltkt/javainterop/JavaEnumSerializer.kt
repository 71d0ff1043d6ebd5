package org.boltkt.javainterop

import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.SerialKind
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.descriptors.buildSerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder

/** A Java enum by constant name (as Kotlin enums are): read from a string column, sent as a string. */
internal class JavaEnumSerializer<E>(private val type: Class<E>) : KSerializer<E> {
    private val constants: Array<E> = type.enumConstants

    @OptIn(kotlinx.serialization.InternalSerializationApi::class, kotlinx.serialization.ExperimentalSerializationApi::class)
    override val descriptor: SerialDescriptor = buildSerialDescriptor(type.name, SerialKind.ENUM) {
        for (c in constants) {
            val name = (c as Enum<*>).name
            element(name, buildSerialDescriptor("${type.name}.$name", StructureKind.OBJECT))
        }
    }

    override fun deserialize(decoder: Decoder): E {
        val index = decoder.decodeEnum(descriptor)
        if (index !in constants.indices) throw SerializationException("${type.name} has no constant at index $index")
        return constants[index]
    }

    override fun serialize(encoder: Encoder, value: E) {
        encoder.encodeEnum(descriptor, (value as Enum<*>).ordinal)
    }
}

package org.boltkt.client.value

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.descriptors.PolymorphicKind
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.encoding.AbstractEncoder
import kotlinx.serialization.encoding.CompositeEncoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.modules.SerializersModule
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.value.ValueFormat

/**
 * The encoder for an object given whole as the parameters: it accepts only a class/object or a map and writes its
 * entries as the parameter map — with the map header when [withHeader], without it when the entries join others'
 * (the caller then wrote one header for all). Anything else is an [IllegalArgumentException] naming the fix.
 */
@OptIn(ExperimentalSerializationApi::class)
internal class TopLevelEncoder(
    private val writer: PackStreamWriter,
    private val format: ValueFormat,
    private val withHeader: Boolean,
) : AbstractEncoder() {
    override val serializersModule: SerializersModule get() = ParameterSerializers.module

    override fun beginStructure(descriptor: SerialDescriptor): CompositeEncoder {
        val kind = descriptor.kind
        require(kind == StructureKind.CLASS || kind == StructureKind.OBJECT || kind is PolymorphicKind) { notAMap(descriptor.serialName) }
        if (withHeader) writer.writeMapHeader(descriptor.elementsCount)
        return PackStreamEncoder(writer, format, serializersModule, PackStreamEncoder.Mode.CLASS, descriptor.elementsCount)
    }

    override fun beginCollection(descriptor: SerialDescriptor, collectionSize: Int): CompositeEncoder {
        require(descriptor.kind == StructureKind.MAP) { notAMap(descriptor.serialName) }
        if (withHeader) writer.writeMapHeader(collectionSize)
        return PackStreamEncoder(writer, format, serializersModule, PackStreamEncoder.Mode.MAP, collectionSize * 2)
    }

    override fun encodeInline(descriptor: SerialDescriptor): Encoder = this

    override fun encodeValue(value: Any): Unit = throw IllegalArgumentException(notAMap(value::class.java.name))

    override fun encodeNull(): Unit = throw IllegalArgumentException(notAMap("null"))

    private fun notAMap(what: String) =
        "parameters must be an object or a string-keyed map, not $what; to send a list or a single value, give it a name: parametersOf(\"batch\", value)"
}

package org.boltkt.client.value

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.SerializationStrategy
import kotlinx.serialization.descriptors.PolymorphicKind
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.encoding.AbstractEncoder
import kotlinx.serialization.encoding.CompositeEncoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.modules.SerializersModule
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueEncoder
import org.boltkt.protocol.value.ValueFormat
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.OffsetTime
import java.time.Period
import java.time.ZonedDateTime
import java.util.UUID
import kotlin.uuid.Uuid
import kotlin.uuid.toJavaUuid

/**
 * A kotlinx.serialization [Encoder] that writes one value straight to PackStream, with no [Value] tree in between:
 * classes and objects become maps keyed by their serial names (every property is written, defaults included),
 * lists/sets/arrays lists, maps maps (keys must be strings or enums), enums their serial name, value classes their
 * content. Values PackStream has a structure for are written natively whatever serializer they carry (so
 * `@Contextual`, a library serializer or a user's own all send the Cypher type): `ByteArray` as bytes, the
 * `java.time` types, `java.time.Duration`/`Period`, `java.util.UUID`/`kotlin.uuid.Uuid` (Neo4j's UUID type, Bolt
 * 6.1+) and the protocol [Value]s (points, vectors, durations) as [Values.of] and [ValueEncoder] send them, in
 * [format].
 *
 * Throws [IllegalArgumentException] (a [ParameterEncodingException] naming the path, e.g. `batch[3].released`) for
 * a value [format] cannot carry, a non-string map key, or a serializer that writes another number of elements than
 * its descriptor declares. One instance per structure level; not thread-safe.
 */
@OptIn(ExperimentalSerializationApi::class)
internal class PackStreamEncoder(
    private val writer: PackStreamWriter,
    private val format: ValueFormat,
    override val serializersModule: SerializersModule,
    private val mode: Mode,
    private val expected: Int,
) : AbstractEncoder() {
    internal enum class Mode { VALUE, CLASS, LIST, MAP }

    private var written = 0
    private var keyNext = false
    private var lastKey: String? = null

    override fun encodeElement(descriptor: SerialDescriptor, index: Int): Boolean {
        written++
        when (mode) {
            Mode.CLASS -> writer.writeString(descriptor.getElementName(index))
            Mode.MAP -> keyNext = index % 2 == 0
            Mode.LIST, Mode.VALUE -> Unit
        }
        return true
    }

    override fun shouldEncodeElementDefault(descriptor: SerialDescriptor, index: Int): Boolean = true

    override fun <T> encodeSerializableElement(descriptor: SerialDescriptor, index: Int, serializer: SerializationStrategy<T>, value: T) {
        try {
            super.encodeSerializableElement(descriptor, index, serializer, value)
        } catch (e: IllegalArgumentException) {
            throw ParameterEncodingException.at(segment(descriptor, index), e)
        }
    }

    override fun <T : Any> encodeNullableSerializableElement(descriptor: SerialDescriptor, index: Int, serializer: SerializationStrategy<T>, value: T?) {
        try {
            super.encodeNullableSerializableElement(descriptor, index, serializer, value)
        } catch (e: IllegalArgumentException) {
            throw ParameterEncodingException.at(segment(descriptor, index), e)
        }
    }

    private fun segment(descriptor: SerialDescriptor, index: Int): String = when (mode) {
        Mode.CLASS -> ".${descriptor.getElementName(index)}"
        Mode.LIST -> "[$index]"
        Mode.MAP -> if (index % 2 == 0) "{key}" else ".${lastKey ?: "?"}"
        Mode.VALUE -> ""
    }

    override fun <T> encodeSerializableValue(serializer: SerializationStrategy<T>, value: T) {
        if (value != null && !keyNext && writeNative(value)) return
        serializer.serialize(this, value)
    }

    private fun writeNative(value: Any): Boolean {
        when (value) {
            is ByteArray -> writer.writeBytes(value)
            is Value -> ValueEncoder.write(writer, value, format)
            is LocalDate, is LocalTime, is LocalDateTime, is OffsetTime, is OffsetDateTime, is ZonedDateTime, is Instant,
            is Duration, is Period, is UUID -> ValueEncoder.write(writer, Values.of(value), format)
            // A UUID is Neo4j's UUID type from Bolt 6.1 on; before, ValueEncoder refuses it (nothing is sent) rather
            // than sending text, so what the server stores never depends on which version a connection negotiated.
            is Uuid -> ValueEncoder.write(writer, Values.of(value.toJavaUuid()), format)
            else -> return false
        }
        return true
    }

    override fun beginStructure(descriptor: SerialDescriptor): CompositeEncoder {
        noKey(descriptor.serialName)
        return when (descriptor.kind) {
            StructureKind.LIST, StructureKind.MAP -> throw IllegalArgumentException("${descriptor.serialName} began a collection without its size")
            is PolymorphicKind, StructureKind.CLASS, StructureKind.OBJECT -> {
                writer.writeMapHeader(descriptor.elementsCount)
                PackStreamEncoder(writer, format, serializersModule, Mode.CLASS, descriptor.elementsCount)
            }
            else -> throw IllegalArgumentException("${descriptor.serialName} of kind ${descriptor.kind} cannot be sent to Cypher")
        }
    }

    override fun beginCollection(descriptor: SerialDescriptor, collectionSize: Int): CompositeEncoder {
        noKey(descriptor.serialName)
        return when (descriptor.kind) {
            StructureKind.MAP -> {
                writer.writeMapHeader(collectionSize)
                PackStreamEncoder(writer, format, serializersModule, Mode.MAP, collectionSize * 2)
            }
            else -> {
                writer.writeListHeader(collectionSize)
                PackStreamEncoder(writer, format, serializersModule, Mode.LIST, collectionSize)
            }
        }
    }

    override fun endStructure(descriptor: SerialDescriptor) {
        require(written == expected) {
            "the serializer of ${descriptor.serialName} wrote $written elements but declared $expected; a serializer that " +
                "skips elements cannot be sent (write every element, nulls included)"
        }
    }

    override fun encodeInline(descriptor: SerialDescriptor): Encoder = this

    override fun encodeNull() { noKey("null"); writer.writeNull() }
    override fun encodeBoolean(value: Boolean) { noKey("a Boolean"); writer.writeBoolean(value) }
    override fun encodeByte(value: Byte) { noKey("a Byte"); writer.writeInt(value.toLong()) }
    override fun encodeShort(value: Short) { noKey("a Short"); writer.writeInt(value.toLong()) }
    override fun encodeInt(value: Int) { noKey("an Int"); writer.writeInt(value.toLong()) }
    override fun encodeLong(value: Long) { noKey("a Long"); writer.writeInt(value) }
    override fun encodeFloat(value: Float) { noKey("a Float"); writer.writeFloat(value.toDouble()) }
    override fun encodeDouble(value: Double) { noKey("a Double"); writer.writeFloat(value) }
    override fun encodeChar(value: Char) = encodeString(value.toString())

    override fun encodeString(value: String) {
        if (keyNext) { keyNext = false; lastKey = value }
        writer.writeString(value)
    }

    override fun encodeEnum(enumDescriptor: SerialDescriptor, index: Int) = encodeString(enumDescriptor.getElementName(index))

    private fun noKey(what: String) {
        require(!keyNext) { "map keys must be strings (or enums) to be sent to Cypher, got $what; convert the keys to String" }
    }
}

/** A parameter that cannot be sent; [path] names it from the top (`batch[3].released`). */
internal class ParameterEncodingException(val path: String, val reason: String, cause: Throwable?) :
    IllegalArgumentException("parameter '$path': $reason", cause) {
    companion object {
        /** Prefixes [segment] to the path of [e] (or starts one). */
        fun at(segment: String, e: IllegalArgumentException): ParameterEncodingException = when (e) {
            is ParameterEncodingException -> ParameterEncodingException(join(segment, e.path), e.reason, e.cause)
            else -> ParameterEncodingException(segment.removePrefix("."), e.message ?: e.toString(), e)
        }

        private fun join(segment: String, rest: String): String = when {
            rest.startsWith("[") || rest.startsWith(".") -> segment.removePrefix(".") + rest
            else -> segment.removePrefix(".") + "." + rest
        }
    }
}

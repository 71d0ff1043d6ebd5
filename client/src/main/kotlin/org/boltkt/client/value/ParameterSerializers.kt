package org.boltkt.client.value

import kotlinx.serialization.KSerializer
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.PrimitiveSerialDescriptor
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.modules.SerializersModule
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.VectorValue
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
import kotlin.reflect.KClass

/**
 * The serializers parameters know without annotations, as contextual serializers: [parametersOf] finds them for a
 * `java.time` value, a UUID or a protocol value given directly or inside collections (`parametersOf("at", instant)`,
 * `parametersOf("days", listOf(date))`). [PackStreamEncoder] writes these values natively before it would call them;
 * another encoder gets their ISO-8601 (or UUID) text, and a protocol value refuses to be written by anyone else.
 */
internal object ParameterSerializers {
    val module: SerializersModule = SerializersModule {
        text(LocalDate::class); text(LocalTime::class); text(LocalDateTime::class); text(OffsetTime::class)
        text(OffsetDateTime::class); text(ZonedDateTime::class); text(Instant::class); text(Duration::class)
        text(Period::class); text(UUID::class)
        protocol(Point2DValue::class); protocol(Point3DValue::class); protocol(VectorValue::class); protocol(DurationValue::class)
    }

    private fun <T : Any> kotlinx.serialization.modules.SerializersModuleBuilder.text(type: KClass<T>) = contextual(type, AsText(type))
    private fun <T : Value> kotlinx.serialization.modules.SerializersModuleBuilder.protocol(type: KClass<T>) = contextual(type, ProtocolOnly(type))

    /** Writes `toString()` for encoders other than the driver's; parameters only, so never read. */
    private class AsText<T : Any>(type: KClass<T>) : KSerializer<T> {
        override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor(type.java.name, PrimitiveKind.STRING)
        override fun serialize(encoder: Encoder, value: T) = encoder.encodeString(value.toString())
        override fun deserialize(decoder: Decoder): T = throw UnsupportedOperationException("parameter serializers only write")
    }

    private class ProtocolOnly<T : Value>(private val type: KClass<T>) : KSerializer<T> {
        override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor(type.java.name, PrimitiveKind.STRING)
        override fun serialize(encoder: Encoder, value: T): Unit =
            throw IllegalArgumentException("${type.simpleName} can only be written by the driver's parameter encoder")
        override fun deserialize(decoder: Decoder): T = throw UnsupportedOperationException("parameter serializers only write")
    }
}

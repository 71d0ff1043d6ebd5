package org.boltkt.javainterop

import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.builtins.serializer
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.SerialKind
import kotlinx.serialization.descriptors.buildSerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import org.boltkt.client.mapping.InstantSerializer
import org.boltkt.client.mapping.JavaDurationSerializer
import org.boltkt.client.mapping.LocalDateSerializer
import org.boltkt.client.mapping.LocalDateTimeSerializer
import org.boltkt.client.mapping.LocalTimeSerializer
import org.boltkt.client.mapping.OffsetDateTimeSerializer
import org.boltkt.client.mapping.OffsetTimeSerializer
import org.boltkt.client.mapping.PeriodSerializer
import org.boltkt.client.mapping.UuidSerializer
import org.boltkt.client.mapping.ZonedDateTimeSerializer
import org.boltkt.protocol.value.Value

/**
 * Serializers for the Java types that are not classes to reflect on: strings, boxes, the `java.time` types (the
 * client's typed-result serializers, which read the Cypher temporal values natively) and the protocol [Value]s
 * (points, vectors, durations), which only the driver's parameter encoder can send.
 */
internal object NativeTypes {
    fun serializer(type: Class<*>): KSerializer<*>? = when (type) {
        String::class.java -> String.serializer()
        java.lang.Long::class.java -> Long.serializer()
        java.lang.Integer::class.java -> Int.serializer()
        java.lang.Double::class.java -> Double.serializer()
        java.lang.Boolean::class.java -> Boolean.serializer()
        java.lang.Float::class.java -> Float.serializer()
        java.lang.Short::class.java -> Short.serializer()
        java.lang.Byte::class.java -> Byte.serializer()
        java.lang.Character::class.java -> Char.serializer()
        java.time.LocalDate::class.java -> LocalDateSerializer
        java.time.LocalTime::class.java -> LocalTimeSerializer
        java.time.LocalDateTime::class.java -> LocalDateTimeSerializer
        java.time.OffsetTime::class.java -> OffsetTimeSerializer
        java.time.ZonedDateTime::class.java -> ZonedDateTimeSerializer
        java.time.OffsetDateTime::class.java -> OffsetDateTimeSerializer
        java.time.Instant::class.java -> InstantSerializer
        java.time.Duration::class.java -> JavaDurationSerializer
        java.time.Period::class.java -> PeriodSerializer
        java.util.UUID::class.java -> UuidSerializer
        else -> if (Value::class.java.isAssignableFrom(type)) ProtocolValueSerializer(type) else null
    }
}

/**
 * A protocol [Value] (a point, a vector) in a Java class: sent as itself by the driver's parameter encoder, which
 * writes values natively before asking any serializer; not readable into a Java property (declare a point as
 * `CypherPoint`, a vector as `List<Double>` or `float[]`).
 */
internal class ProtocolValueSerializer(private val type: Class<*>) : KSerializer<Any> {
    @OptIn(kotlinx.serialization.InternalSerializationApi::class, kotlinx.serialization.ExperimentalSerializationApi::class)
    override val descriptor: SerialDescriptor = buildSerialDescriptor(type.name, SerialKind.CONTEXTUAL)

    override fun serialize(encoder: Encoder, value: Any): Unit =
        throw SerializationException("${type.name} can only be sent as a query parameter by the driver")

    override fun deserialize(decoder: Decoder): Any =
        throw SerializationException(
            "${type.name} cannot be read into a Java property; declare a point as org.boltkt.client.mapping.CypherPoint, " +
                "a vector as List<Double> or float[]",
        )
}

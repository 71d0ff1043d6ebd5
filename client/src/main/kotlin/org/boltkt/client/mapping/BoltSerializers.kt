package org.boltkt.client.mapping

import kotlinx.serialization.modules.SerializersModule
import kotlinx.serialization.modules.contextual

/** The serializers typed results know without annotations, registered as contextual for `@Contextual` properties. */
internal object BoltSerializers {
    val module: SerializersModule = SerializersModule {
        contextual(LocalDateSerializer)
        contextual(LocalTimeSerializer)
        contextual(LocalDateTimeSerializer)
        contextual(OffsetTimeSerializer)
        contextual(ZonedDateTimeSerializer)
        contextual(OffsetDateTimeSerializer)
        contextual(InstantSerializer)
        contextual(JavaDurationSerializer)
        contextual(PeriodSerializer)
        contextual(UuidSerializer)
    }
}

package org.boltkt.javainterop

import kotlinx.serialization.KSerializer
import kotlinx.serialization.builtins.serializer

/** Serializers for the Java types that are not classes to reflect on: strings, boxes and the driver's value types. */
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
        else -> null
    }
}

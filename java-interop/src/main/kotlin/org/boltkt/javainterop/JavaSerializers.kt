package org.boltkt.javainterop

import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.builtins.ArraySerializer
import kotlinx.serialization.builtins.BooleanArraySerializer
import kotlinx.serialization.builtins.ByteArraySerializer
import kotlinx.serialization.builtins.DoubleArraySerializer
import kotlinx.serialization.builtins.FloatArraySerializer
import kotlinx.serialization.builtins.IntArraySerializer
import kotlinx.serialization.builtins.LongArraySerializer
import kotlinx.serialization.builtins.ShortArraySerializer
import kotlinx.serialization.builtins.ListSerializer
import kotlinx.serialization.builtins.MapSerializer
import kotlinx.serialization.builtins.SetSerializer
import kotlinx.serialization.builtins.nullable
import kotlinx.serialization.builtins.serializer
import kotlinx.serialization.serializerOrNull
import java.lang.reflect.GenericArrayType
import java.lang.reflect.ParameterizedType
import java.lang.reflect.Type
import java.lang.reflect.WildcardType

/**
 * kotlinx.serialization serializers for Java classes, built at runtime by reflection (once per class, then cached),
 * so Java records and classes go through exactly the typed decoding and the parameter encoding Kotlin classes use,
 * with the same rules and errors.
 *
 * What maps: a **record** (its components, through the canonical constructor); a **class** whose constructor
 * parameters carry names — every parameter of one constructor annotated with [BoltProperty], or the one public
 * constructor of a class compiled with `-parameters` (sending reads fields or getters of those names); an **enum**
 * (by constant name); `String`, the primitives and their boxes, `byte[]`, `List`/`Collection`/`Set`, `Map` with
 * `String` keys, the `java.time` types, `Duration`/`Period`, the protocol values, and Kotlin `@Serializable`
 * classes. [BoltProperty] renames. A primitive component is required and non-null; a reference component is
 * nullable but its column must be present (as for a Kotlin property without default). Anything else fails when the
 * serializer is built, with an [IllegalArgumentException] naming the type and the fix.
 *
 * Thread-safe; serializers are cached per class for the life of the class loader.
 */
@OptIn(kotlinx.serialization.ExperimentalSerializationApi::class)
public object JavaSerializers {
    private val cache = object : ClassValue<KSerializer<*>>() {
        override fun computeValue(type: Class<*>): KSerializer<*> = build(type)
    }

    /** The serializer for [type]. @throws IllegalArgumentException when [type] cannot be mapped (the message says why). */
    @JvmStatic
    @Suppress("UNCHECKED_CAST")
    public fun <T> of(type: Class<T>): KSerializer<T> = cache.get(type) as KSerializer<T>

    private fun build(type: Class<*>): KSerializer<*> {
        NativeTypes.serializer(type)?.let { return it }
        return when {
            type.isEnum -> JavaEnumSerializer(type)
            type.isRecord -> JavaClassSerializer.forRecord(type)
            type.isAnnotationPresent(Metadata::class.java) ->
                serializerOrNull(type) ?: throw IllegalArgumentException(
                    "${type.name} is a Kotlin class without a serializer; annotate it with @Serializable",
                )
            type.isInterface || type.isPrimitive || java.lang.reflect.Modifier.isAbstract(type.modifiers) ->
                throw IllegalArgumentException("${type.name} cannot be mapped: use a record, an enum or a class with a constructor to call")
            else -> JavaClassSerializer.forClass(type)
        }
    }

    /** The serializer for a component or element of generic type [type]: nullable unless primitive. */
    @Suppress("UNCHECKED_CAST")
    internal fun forType(type: Type, where: String): KSerializer<Any?> {
        return when (type) {
            is Class<*> -> when {
                type.isPrimitive -> primitive(type, where)
                type == ByteArray::class.java -> ByteArraySerializer().nullable
                type == DoubleArray::class.java -> DoubleArraySerializer().nullable
                type == FloatArray::class.java -> FloatArraySerializer().nullable
                type == LongArray::class.java -> LongArraySerializer().nullable
                type == IntArray::class.java -> IntArraySerializer().nullable
                type == ShortArray::class.java -> ShortArraySerializer().nullable
                type == BooleanArray::class.java -> BooleanArraySerializer().nullable
                type.isArray && !type.componentType.isPrimitive ->
                    ArraySerializer(type.componentType.kotlin as kotlin.reflect.KClass<Any>, forType(type.componentType, "$where[]")).nullable
                type == List::class.java || type == Collection::class.java || type == Iterable::class.java ||
                    type == Set::class.java || type == Map::class.java ->
                    throw IllegalArgumentException("$where: give the element type of ${type.simpleName} (a raw ${type.simpleName} cannot be mapped)")
                else -> (of(type) as KSerializer<Any>).nullable
            }
            is ParameterizedType -> {
                val raw = type.rawType as Class<*>
                val args = type.actualTypeArguments
                when (raw) {
                    List::class.java, Collection::class.java, Iterable::class.java -> ListSerializer(forType(args[0], "$where[]")).nullable
                    Set::class.java -> SetSerializer(forType(args[0], "$where[]")).nullable
                    Map::class.java -> {
                        require(args[0] == String::class.java) { "$where: map keys must be String to map to Cypher, not ${args[0].typeName}" }
                        MapSerializer(String.serializer(), forType(args[1], "$where{}")).nullable
                    }
                    else -> serializerOrNull(type)?.nullable ?: throw IllegalArgumentException("$where: ${type.typeName} cannot be mapped")
                }
            }
            is WildcardType -> forType(type.upperBounds.single(), where)
            is GenericArrayType -> throw IllegalArgumentException("$where: a generic array (${type.typeName}) cannot be mapped; use a List")
            else -> throw IllegalArgumentException("$where: ${type.typeName} cannot be mapped; use a concrete type")
        } as KSerializer<Any?>
    }

    @Suppress("UNCHECKED_CAST")
    private fun primitive(type: Class<*>, where: String): KSerializer<Any?> = when (type) {
        java.lang.Long.TYPE -> Long.serializer()
        Integer.TYPE -> Int.serializer()
        java.lang.Double.TYPE -> Double.serializer()
        java.lang.Boolean.TYPE -> Boolean.serializer()
        java.lang.Float.TYPE -> Float.serializer()
        java.lang.Short.TYPE -> Short.serializer()
        java.lang.Byte.TYPE -> Byte.serializer()
        Character.TYPE -> Char.serializer()
        else -> throw IllegalArgumentException("$where: ${type.name} cannot be mapped")
    } as KSerializer<Any?>

    /** Thrown (as kotlinx's own exception type) when a Java constructor refuses the values read. */
    internal fun constructorFailed(type: Class<*>, cause: Throwable): SerializationException =
        SerializationException("the constructor of ${type.name} refused the values read: ${cause.message ?: cause}", cause)
}

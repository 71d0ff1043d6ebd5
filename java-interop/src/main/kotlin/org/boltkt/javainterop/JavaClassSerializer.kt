package org.boltkt.javainterop

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.KSerializer
import kotlinx.serialization.MissingFieldException
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.buildClassSerialDescriptor
import kotlinx.serialization.encoding.CompositeDecoder
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.encoding.decodeStructure
import kotlinx.serialization.encoding.encodeStructure
import java.lang.reflect.Constructor
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Modifier
import java.lang.reflect.Parameter

/**
 * A class-shaped serializer for a Java record or constructor-mapped class: the descriptor lists the constructor's
 * parameters by name; decoding reads the elements in any order and calls the constructor once, encoding reads the
 * values through [readers] (record accessors, getters or fields). Built once per class by [JavaSerializers].
 */
@OptIn(ExperimentalSerializationApi::class)
internal class JavaClassSerializer<T> private constructor(
    private val type: Class<T>,
    private val constructor: Constructor<T>,
    private val names: List<String>,
    parameterTypes: List<java.lang.reflect.Type>,
    private val readers: List<((Any?) -> Any?)?>,
) : KSerializer<T> {
    // Element serializers resolve lazily: a record may refer to itself (a tree), and the cache must hold this
    // serializer before its elements are built.
    private val elements: List<KSerializer<Any?>> by lazy {
        names.indices.map { JavaSerializers.forType(parameterTypes[it], "${type.simpleName}.${names[it]}") }
    }

    override val descriptor: SerialDescriptor by lazy {
        buildClassSerialDescriptor(type.name) {
            for (i in names.indices) element(names[i], elements[i].descriptor)
        }
    }

    override fun deserialize(decoder: Decoder): T {
        val n = names.size
        val args = arrayOfNulls<Any>(n)
        val seen = BooleanArray(n)
        val d = descriptor
        decoder.decodeStructure(d) {
            if (decodeSequentially()) {
                for (i in 0 until n) { args[i] = decodeSerializableElement(d, i, elements[i]); seen[i] = true }
            } else {
                while (true) {
                    val i = decodeElementIndex(d)
                    if (i == CompositeDecoder.DECODE_DONE) break
                    if (i == CompositeDecoder.UNKNOWN_NAME) continue
                    args[i] = decodeSerializableElement(d, i, elements[i])
                    seen[i] = true
                }
            }
        }
        var missing: MutableList<String>? = null
        for (i in 0 until n) if (!seen[i]) (missing ?: ArrayList<String>().also { missing = it }).add(names[i])
        missing?.let { throw MissingFieldException(it, d.serialName) }
        return try {
            constructor.newInstance(*args)
        } catch (e: InvocationTargetException) {
            throw JavaSerializers.constructorFailed(type, e.targetException)
        } catch (e: IllegalArgumentException) {
            throw JavaSerializers.constructorFailed(type, e)
        }
    }

    override fun serialize(encoder: Encoder, value: T) {
        val d = descriptor
        encoder.encodeStructure(d) {
            for (i in names.indices) {
                val reader = requireNotNull(readers[i]) {
                    "${type.name} has no accessor for '${names[i]}' to send it; add a getter or a field of that name, or use a record"
                }
                encodeSerializableElement(d, i, elements[i], reader(value))
            }
        }
    }

    override fun toString(): String = "JavaClassSerializer(${type.name})"

    companion object {
        fun <T> forRecord(type: Class<T>): JavaClassSerializer<T> {
            val components = type.recordComponents
            val constructor = type.getDeclaredConstructor(*components.map { it.type }.toTypedArray())
            constructor.trySetAccessible()
            val params = constructor.parameters
            val names = components.indices.map { i -> params[i].getAnnotation(BoltProperty::class.java)?.value ?: components[i].name }
            val readers = components.map { c -> c.accessor.also { it.trySetAccessible() }.let { m -> { v: Any? -> m.invoke(v) } } }
            return JavaClassSerializer(type, constructor, names, components.map { it.genericType }, readers)
        }

        fun <T> forClass(type: Class<T>): JavaClassSerializer<T> {
            @Suppress("UNCHECKED_CAST")
            val constructors = type.declaredConstructors.map { it as Constructor<T> }
            val annotated = constructors.filter { c -> c.parameterCount > 0 && c.parameters.all { it.isAnnotationPresent(BoltProperty::class.java) } }
            val chosen = when {
                annotated.size == 1 -> annotated.single()
                annotated.size > 1 -> throw IllegalArgumentException("${type.name} has several constructors with @BoltProperty parameters; annotate only one")
                else -> {
                    val publicOnes = constructors.filter { Modifier.isPublic(it.modifiers) && it.parameterCount > 0 }
                    require(publicOnes.size == 1) {
                        "${type.name} has ${publicOnes.size} public constructors with parameters; annotate the parameters of the one to use " +
                            "with @BoltProperty, or use a record"
                    }
                    publicOnes.single().also { c ->
                        require(c.parameters.all { it.isNamePresent || it.isAnnotationPresent(BoltProperty::class.java) }) {
                            "the constructor parameters of ${type.name} carry no names; compile with -parameters or annotate them with @BoltProperty"
                        }
                    }
                }
            }
            chosen.trySetAccessible()
            val names = chosen.parameters.map(::nameOf)
            val readers = names.indices.map { i -> readerOf(type, chosen.parameters[i].name, names[i]) }
            return JavaClassSerializer(type, chosen, names, chosen.genericParameterTypes.toList(), readers)
        }

        private fun nameOf(p: Parameter): String = p.getAnnotation(BoltProperty::class.java)?.value ?: p.name

        /** A getter (`getX`, `isX`, `x()`) or field for the property, found by its Java or mapped name. */
        private fun readerOf(type: Class<*>, javaName: String, mapped: String): ((Any?) -> Any?)? {
            for (name in listOf(javaName, mapped).distinct()) {
                val cap = name.replaceFirstChar { it.uppercase() }
                for (candidate in listOf("get$cap", "is$cap", name)) {
                    val m = type.methods.firstOrNull { it.name == candidate && it.parameterCount == 0 && !Modifier.isStatic(it.modifiers) }
                    if (m != null) return { v -> m.invoke(v) }
                }
            }
            val field = generateSequence(type as Class<*>?) { it.superclass }
                .flatMap { it.declaredFields.asSequence() }
                .firstOrNull { !Modifier.isStatic(it.modifiers) && (it.name == javaName || it.name == mapped) }
                ?: return null
            return if (field.trySetAccessible()) { v -> field.get(v) } else null
        }
    }
}

package org.boltkt.client.value

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.SerializationStrategy
import kotlinx.serialization.descriptors.PolymorphicKind
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.serializer
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.value.ValueFormat

/**
 * Query parameters taken from the caller's objects through kotlinx.serialization and written straight into the RUN
 * message as PackStream when it is sent: no `Map` or [Value] tree is built. Build them with [parametersOf]:
 * `parametersOf(movie)` sends the properties of a `@Serializable` class (or the entries of a string-keyed map) as
 * the parameters; `parametersOf("batch", movies)` sends one named parameter, e.g. a list of objects for
 * `UNWIND $batch AS m CREATE (:Movie {title: m.title})`; `+` combines them.
 *
 * Encoding rules ([PackStreamEncoder]): a class becomes a map of every property by serial name (`@SerialName`
 * honoured, defaults and nulls included), lists/sets/arrays lists, maps maps (string or enum keys), enums their
 * name, value classes their content, `ByteArray` bytes, the `java.time` types and `Duration`/`Period` as
 * [Values.of] converts them, `java.util.UUID` and `kotlin.uuid.Uuid` as Neo4j's UUID type, protocol [Value]s
 * (points, vectors) as themselves. Whether a value can be sent depends on the connection's Bolt version (vectors
 * need Bolt 6, UUIDs Bolt 6.1; a UUID is never sent as text instead): the check runs when the message is encoded, before
 * anything is sent, and fails the `run` with a non-retryable `ClientException` naming the parameter's path
 * (`batch[3].embedding`) and the reason; the connection stays usable.
 *
 * Immutable, but it holds the objects given, read each time the parameters are sent (a retried transaction sends
 * them again) and when a summary's `query.parameters` is first read: do not change them meanwhile. Thread-safe as
 * far as those objects are.
 */
public class QueryParameters private constructor(private val parts: List<Part>) {
    /** The parameter names, in order (for a map given whole: unknown until sent, so not listed). */
    public val names: List<String> = parts.flatMap { it.names() }

    init {
        val duplicates = names.groupingBy { it }.eachCount().filterValues { it > 1 }.keys
        require(duplicates.isEmpty()) { "parameter names must be distinct; given more than once: $duplicates" }
    }

    /** These parameters followed by [other]'s. @throws IllegalArgumentException when a name occurs in both. */
    public operator fun plus(other: QueryParameters): QueryParameters = QueryParameters(parts + other.parts)

    /** True when there are no parameters at all. */
    public fun isEmpty(): Boolean = parts.isEmpty()

    /**
     * Writes the parameter map to [writer] in [format]. @throws IllegalArgumentException (with the parameter's path)
     * for a value [format] cannot carry; any other failure of a serializer is reported the same way.
     */
    internal fun write(writer: PackStreamWriter, format: ValueFormat) {
        try {
            val single = parts.singleOrNull()
            if (single is Part.Whole<*>) {
                single.write(writer, format, withHeader = true)
            } else {
                writer.writeMapHeader(parts.sumOf { it.count() })
                for (p in parts) p.write(writer, format, withHeader = false)
            }
        } catch (e: IllegalArgumentException) {
            throw e
        } catch (e: RuntimeException) {
            throw IllegalArgumentException("a serializer failed while encoding the parameters: $e", e)
        }
    }

    /**
     * The parameters as [Value]s, for display (a summary's `query.parameters`): encoded and decoded again, so call
     * it only when needed. @throws IllegalArgumentException as sending would (vectors and UUIDs are allowed here).
     */
    public fun toValues(): Map<String, Value> {
        if (parts.isEmpty()) return emptyMap()
        val w = PackStreamWriter(256)
        write(w, ValueFormat.BOLT_6_1)
        return (ValueDecoder.read(PackStreamReader(w.toByteArray()), ValueFormat.BOLT_6_1) as MapValue).entries
    }

    override fun toString(): String = "QueryParameters(${parts.joinToString { it.describe() }})"

    @OptIn(ExperimentalSerializationApi::class)
    private sealed class Part {
        abstract fun names(): List<String>
        abstract fun count(): Int
        abstract fun write(writer: PackStreamWriter, format: ValueFormat, withHeader: Boolean)
        abstract fun describe(): String

        class Named<T>(val name: String, val serializer: SerializationStrategy<T>, val value: T) : Part() {
            override fun names() = listOf(name)
            override fun count() = 1
            override fun describe() = "$name: ${serializer.descriptor.serialName}"
            override fun write(writer: PackStreamWriter, format: ValueFormat, withHeader: Boolean) {
                if (withHeader) writer.writeMapHeader(1)
                writer.writeString(name)
                try {
                    PackStreamEncoder(writer, format, ParameterSerializers.module, PackStreamEncoder.Mode.VALUE, 0)
                        .encodeSerializableValue(serializer, value)
                } catch (e: IllegalArgumentException) {
                    throw ParameterEncodingException.at(".$name", e)
                }
            }
        }

        class Whole<T>(val serializer: SerializationStrategy<T>, val value: T) : Part() {
            private val shape: SerialDescriptor = unwrapInline(serializer.descriptor)

            init {
                require(value != null) { "parameters cannot be null; pass QueryParameters.EMPTY or an object" }
                val kind = shape.kind
                require(kind == StructureKind.CLASS || kind == StructureKind.OBJECT || kind == StructureKind.MAP || kind is PolymorphicKind) {
                    "parameters must be an object or a string-keyed map, not ${shape.serialName} ($kind); " +
                        "to send a list or a single value, give it a name: parametersOf(\"batch\", value)"
                }
            }

            override fun names(): List<String> =
                if (shape.kind == StructureKind.MAP) emptyList() else List(shape.elementsCount) { shape.getElementName(it) }

            override fun count(): Int = when (shape.kind) {
                StructureKind.MAP -> requireNotNull(value as? Map<*, *>) {
                    "${shape.serialName} is map-shaped but not a Map; send it alone, not combined with other parameters"
                }.size
                else -> shape.elementsCount
            }

            override fun describe() = shape.serialName

            override fun write(writer: PackStreamWriter, format: ValueFormat, withHeader: Boolean) {
                serializer.serialize(TopLevelEncoder(writer, format, withHeader), value)
            }

            private fun unwrapInline(d: SerialDescriptor): SerialDescriptor = if (d.isInline) unwrapInline(d.getElementDescriptor(0)) else d
        }
    }

    /** Factories; Kotlin callers usually prefer [parametersOf]. */
    public companion object {
        /** The contextual serializers [parametersOf] resolves `java.time` types, UUIDs and protocol values with. */
        @PublishedApi
        internal val module: kotlinx.serialization.modules.SerializersModule get() = ParameterSerializers.module

        /** No parameters. */
        @JvmField
        public val EMPTY: QueryParameters = QueryParameters(emptyList())

        /**
         * The properties of [value] (a class or object) or the entries of a string-keyed map, as the parameters.
         * @throws IllegalArgumentException when [value] is null or neither a class nor a map.
         */
        @JvmStatic
        public fun <T> of(serializer: SerializationStrategy<T>, value: T): QueryParameters = QueryParameters(listOf(Part.Whole(serializer, value)))

        /** One parameter [name] holding [value] (anything serializable: a list of objects, a class, a scalar). */
        @JvmStatic
        public fun <T> of(name: String, serializer: SerializationStrategy<T>, value: T): QueryParameters =
            QueryParameters(listOf(Part.Named(name, serializer, value)))
    }
}

/**
 * The properties of [value] (a `@Serializable` class) or the entries of a string-keyed map as query parameters,
 * encoded straight to PackStream when sent. See [QueryParameters].
 * `java.time` values, UUIDs (Neo4j's UUID type: Bolt 6.1+ only, refused before) and protocol values need no
 * annotation here, given directly or in collections; inside a class mark such a property `@Contextual`.
 * @throws kotlinx.serialization.SerializationException (an [IllegalArgumentException]) when `T` has no serializer:
 *   annotate the class with `@Serializable`, or pass one with [QueryParameters.of].
 */
public inline fun <reified T> parametersOf(value: T): QueryParameters = QueryParameters.of(QueryParameters.module.serializer<T>(), value)

/** One named parameter, e.g. `parametersOf("batch", movies)` for `UNWIND $batch AS m …`. See [QueryParameters]. */
public inline fun <reified T> parametersOf(name: String, value: T): QueryParameters = QueryParameters.of(name, QueryParameters.module.serializer<T>(), value)

/** Like the reified [parametersOf], with an explicit [serializer]. */
public fun <T> parametersOf(serializer: SerializationStrategy<T>, value: T): QueryParameters = QueryParameters.of(serializer, value)

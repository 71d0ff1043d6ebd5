package org.boltkt.javainterop

import kotlinx.serialization.KSerializer
import kotlinx.serialization.builtins.ListSerializer
import kotlinx.serialization.builtins.MapSerializer
import kotlinx.serialization.builtins.serializer
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.SerialKind
import kotlinx.serialization.descriptors.buildSerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import org.boltkt.client.value.QueryParameters

/**
 * Query parameters from Java objects, encoded straight into the RUN message (no `Value` tree) through the same
 * serializers typed results use ([JavaSerializers]):
 * `session.run("CREATE (:Movie {title: $title})", JavaParameters.of(movie))` with a record, and
 * `JavaParameters.list("batch", movies, Movie.class)` for `UNWIND $batch AS m …`. Values follow the Kotlin rules
 * ([QueryParameters]); a value the server's version cannot carry fails the `run` before sending with a
 * non-retryable `ClientException` naming the parameter's path.
 *
 * Stateless and thread-safe; the objects given are read when the query is sent (again on a retry).
 */
public object JavaParameters {
    /**
     * The components of a record (or the constructor properties of a mapped class) or the entries of a `Map` with
     * `String` keys, as the parameters. Values inside a map are mapped by their runtime class.
     * @throws IllegalArgumentException when [value]'s class cannot be mapped or a map key is not a String.
     */
    @JvmStatic
    @Suppress("UNCHECKED_CAST")
    public fun of(value: Any): QueryParameters = when (value) {
        is Map<*, *> -> QueryParameters.of(DynamicSerializer.map, stringKeyed(value))
        else -> QueryParameters.of(JavaSerializers.of(value.javaClass) as KSerializer<Any>, value)
    }

    /** One parameter [name] holding [value] (a scalar, record, list, map, … mapped by its runtime class). */
    @JvmStatic
    public fun of(name: String, value: Any?): QueryParameters = QueryParameters.of(name, DynamicSerializer, value)

    /** One parameter [name] holding [values] of [type], e.g. a batch of records for `UNWIND`. */
    @JvmStatic
    public fun <T> list(name: String, values: List<T>, type: Class<T>): QueryParameters =
        QueryParameters.of(name, ListSerializer(JavaSerializers.of(type)), values)

    @Suppress("UNCHECKED_CAST")
    internal fun stringKeyed(map: Map<*, *>): Map<String, Any?> {
        for (k in map.keys) {
            require(k is String) { "map keys must be Strings to be sent to Cypher, got ${k?.let { it::class.java.name } ?: "null"}; convert the keys with toString()" }
        }
        return map as Map<String, Any?>
    }
}

/** Maps a value by its runtime class, for parameters whose static type Java erased (map values, `Object`). Send-only. */
internal object DynamicSerializer : KSerializer<Any?> {
    @OptIn(kotlinx.serialization.InternalSerializationApi::class, kotlinx.serialization.ExperimentalSerializationApi::class)
    override val descriptor: SerialDescriptor = buildSerialDescriptor("java.lang.Object", SerialKind.CONTEXTUAL)

    val map: KSerializer<Map<String, Any?>> = MapSerializer(String.serializer(), this)
    private val list: KSerializer<List<Any?>> = ListSerializer(this)

    @Suppress("UNCHECKED_CAST")
    override fun serialize(encoder: Encoder, value: Any?) {
        when (value) {
            null -> encoder.encodeNull()
            is String -> encoder.encodeString(value)
            is Long -> encoder.encodeLong(value)
            is Int -> encoder.encodeLong(value.toLong())
            is Short -> encoder.encodeLong(value.toLong())
            is Byte -> encoder.encodeLong(value.toLong())
            is Double -> encoder.encodeDouble(value)
            is Float -> encoder.encodeDouble(value.toDouble())
            is Boolean -> encoder.encodeBoolean(value)
            is Char -> encoder.encodeString(value.toString())
            is Map<*, *> -> map.serialize(encoder, JavaParameters.stringKeyed(value))
            is List<*> -> list.serialize(encoder, value)
            is Iterable<*> -> list.serialize(encoder, value.toList())
            is Array<*> -> list.serialize(encoder, value.asList())
            else -> {
                encoder.encodeSerializableValue(JavaSerializers.forType(value.javaClass, value.javaClass.simpleName), value)
            }
        }
    }

    override fun deserialize(decoder: Decoder): Any? =
        throw UnsupportedOperationException("values of unknown type are only sent; read results into a concrete class")
}

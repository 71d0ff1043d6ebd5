package org.boltkt.client.mapping

import kotlinx.serialization.DeserializationStrategy
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.encoding.CompositeDecoder
import org.boltkt.client.error.ResultMappingException
import org.boltkt.client.record.Record
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.value.ListValue

/**
 * Maps the rows of one result (columns [keys]) into `T`; built once per result, so the column → property plan is
 * computed once. The rule for a row:
 * - with one column, the column's value itself is mapped into `T` when `T` is not a class or map, or when `T` is a
 *   class or map without a property named like the column and the value is a map, node, relationship, path, point
 *   or duration;
 * - otherwise the row maps by column name into the class's properties (or, for a `Map`, into its entries).
 *
 * [decode] maps a [Record]; [decodeFrom] maps the fields of a RECORD read from any [BoltInput] (its bytes).
 * Not thread-safe (one result, one reader).
 */
@OptIn(ExperimentalSerializationApi::class)
internal class RowDecoder<T>(val deserializer: DeserializationStrategy<T>, val keys: List<String>) {
    private val context = MappingContext()
    private val descriptor: SerialDescriptor = deserializer.descriptor
    private val isClass = descriptor.kind == StructureKind.CLASS || descriptor.kind == StructureKind.OBJECT
    private val isMap = descriptor.kind == StructureKind.MAP
    private val columnElements: IntArray? =
        if (isClass) IntArray(keys.size) { descriptor.getElementIndex(keys[it]) } else null
    private val classPlan: ClassPlan? = if (isClass) context.plan(descriptor) else null
    private val oneColumnMayBeDirect: Boolean = keys.size == 1 &&
        (!(isClass || isMap) || (isClass && columnElements!![0] == CompositeDecoder.UNKNOWN_NAME) || isMap)

    /** Maps [record], which must belong to a result with these [keys]. @throws ResultMappingException */
    fun decode(record: Record): T = decodeFrom(ValueInput(ListValue(record.values)))

    /** Maps the fields list that [input] is positioned at. @throws ResultMappingException */
    fun decodeFrom(input: BoltInput): T {
        val n = input.beginList()
        if (n != keys.size) throw BoltProtocolException("a RECORD of $n fields answered a result of ${keys.size} keys $keys")
        val start = startFor(input)
        try {
            if (oneColumnMayBeDirect && direct(input)) {
                val value = start.plain.decodeSerializableValue(deserializer)
                input.end()
                return value
            }
            if (!isClass && !isMap) {
                throw MappingProblem(
                    "a row of ${keys.size} columns",
                    "map into a class with properties named ${keys}, or return a single column",
                    descriptor.serialName,
                )
            }
            return deserializer.deserialize(start)
        } catch (p: MappingProblem) {
            p.column = start.row?.currentName ?: if (keys.size == 1) keys[0] else null
            if (p.declared == null) p.declared = descriptor.serialName
            throw p.toException()
        } catch (e: BoltProtocolException) {
            throw e
        } catch (e: RuntimeException) {
            // A serializer of the user's class refused the value in its own way (require, check, parse errors).
            throw refused(e)
        }
    }

    // The decoders of a row are reused from one row to the next while the input is the same (the bytes path reuses
    // one input per result), so a row allocates only what the class itself holds.
    private var last: RowStart? = null

    private fun startFor(input: BoltInput): RowStart {
        val cached = last
        if (cached != null && cached.input === input) return cached.also { it.row = null }
        return RowStart(input).also { last = it }
    }

    /** The decoder a row starts with: its structure is the row itself (the fields list is already entered). */
    private inner class RowStart(input: BoltInput) : BoltDecoder(input, context) {
        var row: ClassDecoder? = null
        private var reusable: ClassDecoder? = null

        /** For a one-column row whose value itself is mapped. */
        val plain = BoltDecoder(input, context)

        override fun beginStructure(descriptor: SerialDescriptor): CompositeDecoder {
            if (isMap) return MapDecoder(input, context, keys.size, keys)
            val decoder = reusable?.also { it.reset() } ?: ClassDecoder(input, context, classPlan!!, keys.size, keys, columnElements).also { reusable = it }
            row = decoder
            return decoder
        }
    }

    private fun direct(input: BoltInput): Boolean {
        if (!isClass && !isMap) return true
        return when (input.peekType()) {
            InputType.MAP, InputType.NODE, InputType.RELATIONSHIP -> true
            InputType.PATH, InputType.OTHER -> isClass
            else -> false
        }
    }

    private fun refused(e: Exception): ResultMappingException =
        ResultMappingException(
            if (keys.size == 1) keys[0] else null, "a value", "", descriptor.serialName,
            "return values the class's serializer accepts, or change the class", e.message, e,
        )
}

package org.boltkt.client.mapping

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.CompositeDecoder

/**
 * A class from [count] named values: a map's entries (keys read from the input) or a row's fields ([rowKeys] in
 * column order, with [columnElements] from [RowPlan]). Unknown names are skipped (an error in strict mode); a NULL
 * for a non-null property with a default keeps the default; after the last value, a missing nullable property
 * without default reads as null and a missing required one is a `MISSING` problem.
 */
@OptIn(ExperimentalSerializationApi::class)
internal class ClassDecoder(
    input: BoltInput,
    context: MappingContext,
    private val plan: ClassPlan,
    private var count: Int,
    private val rowKeys: List<String>?,
    private val columnElements: IntArray?,
) : CompositeBase(input, context) {
    private var read = 0
    private var missingCursor = 0
    private var injectNull = false
    private val seen = BooleanArray(plan.size)

    /** Makes this map decoder ready for the next map of [count] entries of the same class and input. */
    fun restart(count: Int): ClassDecoder {
        this.count = count
        reset()
        return this
    }

    /** Makes this decoder ready for the next row of the same result. */
    fun reset() {
        read = 0
        missingCursor = 0
        injectNull = false
        seen.fill(false)
        currentName = ""
    }

    /** The name (key or column) of the value being read. */
    var currentName: String = ""
        private set

    override fun segment(descriptor: SerialDescriptor, index: Int): String = plan.names[index]

    override fun takeInjectedNull(): Boolean {
        if (!injectNull) return false
        injectNull = false
        return true
    }

    override fun decodeElementIndex(descriptor: SerialDescriptor): Int {
        while (read < count) {
            val name = if (rowKeys != null) rowKeys[read] else input.readKey()
            val index = if (columnElements != null) columnElements[read] else plan.indexOf(name, read)
            read++
            currentName = name
            if (index < 0) {
                if (plan.strict) throw unknown(name)
                input.skip()
                continue
            }
            if (plan.optional[index] && !plan.nullable[index] && input.peekType() == InputType.NULL) {
                input.readNull()
                continue
            }
            seen[index] = true
            return index
        }
        while (missingCursor < plan.size) {
            val i = missingCursor++
            if (seen[i] || plan.optional[i]) continue
            currentName = plan.names[i]
            if (plan.nullable[i]) {
                injectNull = true
                return i
            }
            throw MappingProblem(
                "MISSING",
                "return a value named '${plan.names[i]}' (e.g. `RETURN … AS ${plan.names[i]}`), give the property a default or make it nullable, or rename it with @SerialName",
                plan.declared[i],
            ).at(plan.names[i], plan.declared[i])
        }
        return CompositeDecoder.DECODE_DONE
    }

    private fun unknown(name: String): MappingProblem =
        MappingProblem(
            input.peekTypeName(),
            "add a property '$name' to ${plan.descriptor.serialName}, remove '$name' from the query, or drop @StrictMapping",
            plan.descriptor.serialName,
            "unknown name '$name' in strict mode",
        )

    override fun endStructure(descriptor: SerialDescriptor) {
        while (read < count) {
            if (rowKeys == null) input.readKey()
            input.skip()
            read++
        }
        super.endStructure(descriptor)
        if (rowKeys == null) plan.release(this)
    }
}

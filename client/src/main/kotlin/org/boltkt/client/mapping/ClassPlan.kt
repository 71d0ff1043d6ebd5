package org.boltkt.client.mapping

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.encoding.CompositeDecoder
import java.util.IdentityHashMap

/** What a class descriptor needs for mapping, computed once per result (see [MappingContext]) instead of per row. */
@OptIn(ExperimentalSerializationApi::class)
internal class ClassPlan private constructor(val descriptor: SerialDescriptor) {
    val size: Int = descriptor.elementsCount
    val names: Array<String> = Array(size) { descriptor.getElementName(it) }
    val declared: Array<String> = Array(size) { descriptor.getElementDescriptor(it).serialName }
    val nullable: BooleanArray = BooleanArray(size) { descriptor.getElementDescriptor(it).isNullable }
    val optional: BooleanArray = BooleanArray(size) { descriptor.isElementOptional(it) }
    val strict: Boolean = descriptor.annotations.any { it is StrictMapping }
    val elementIdIndex: Int = indexAnnotated { it is ElementId }
    val labelsIndex: Int = indexAnnotated { it is Labels }
    val typeIndex: Int = indexAnnotated { it is RelationshipType }
    val needsGraphFields: Boolean = elementIdIndex >= 0 || labelsIndex >= 0 || typeIndex >= 0

    private fun indexAnnotated(p: (Annotation) -> Boolean): Int =
        (0 until size).firstOrNull { i -> descriptor.getElementAnnotations(i).any(p) } ?: -1

    // The key met at each entry position of a map last time and the element it named. Keys come from the reader's
    // name cache, so the rows of a result share the same String instances and a hit is one identity comparison
    // instead of the descriptor's hash lookup (which was 15 % of a typed row's time in P7's profile). Entries are
    // immutable, so a race between readers only costs a miss.
    private class Seen(val name: String, val index: Int)

    private val seen = arrayOfNulls<Seen>(SEEN_POSITIONS)

    /** The element named [name], met at entry [position] of a map; [CompositeDecoder.UNKNOWN_NAME] when none. */
    fun indexOf(name: String, position: Int): Int {
        if (position >= SEEN_POSITIONS) return descriptor.getElementIndex(name)
        val s = seen[position]
        if (s != null && s.name === name) return s.index
        val index = descriptor.getElementIndex(name)
        seen[position] = Seen(name, index)
        return index
    }

    // A decoder of this class's maps that finished its structure, reused by the next map read from the same input
    // (see BoltDecoder.beginClass): a row then allocates only the objects it maps into.
    private var spare: ClassDecoder? = null

    /** A [ClassDecoder] for a map of [count] entries read from [input]: the spare one when it reads the same input. */
    fun mapDecoder(input: BoltInput, context: MappingContext, count: Int): ClassDecoder {
        val d = spare
        if (d != null && d.input === input) {
            spare = null
            return d.restart(count)
        }
        return ClassDecoder(input, context, this, count, null, null)
    }

    /** [decoder] finished its map and may be handed out again. */
    fun release(decoder: ClassDecoder) {
        spare = decoder
    }

    companion object {
        private const val SEEN_POSITIONS = 16

        fun of(descriptor: SerialDescriptor): ClassPlan = ClassPlan(descriptor)
    }
}

/**
 * Per-result mapping state: the [ClassPlan] of every class met, by descriptor identity (generated descriptors are
 * singletons), so a row costs no descriptor walks. Not thread-safe: one result is read by one coroutine at a time.
 */
internal class MappingContext {
    private val plans = IdentityHashMap<SerialDescriptor, ClassPlan>()

    // The plans met most recently, scanned by identity before the map (a row usually meets a handful of classes).
    private val recent = arrayOfNulls<ClassPlan>(RECENT)
    private var nextSlot = 0

    fun plan(descriptor: SerialDescriptor): ClassPlan {
        for (p in recent) if (p != null && p.descriptor === descriptor) return p
        val plan = plans.getOrPut(descriptor) { ClassPlan.of(descriptor) }
        recent[nextSlot] = plan
        nextSlot = (nextSlot + 1) % RECENT
        return plan
    }

    // A list decoder that finished, reused by the next list read from the same input.
    private var spareList: ListDecoder? = null

    fun listDecoder(input: BoltInput, size: Int): ListDecoder {
        val d = spareList
        if (d != null && d.input === input) {
            spareList = null
            return d.restart(size)
        }
        return ListDecoder(input, this, size)
    }

    fun release(decoder: ListDecoder) {
        spareList = decoder
    }

    private companion object {
        const val RECENT = 4
    }
}

package org.boltkt.client.mapping

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.descriptors.SerialDescriptor
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

    companion object {
        fun of(descriptor: SerialDescriptor): ClassPlan = ClassPlan(descriptor)
    }
}

/**
 * Per-result mapping state: the [ClassPlan] of every class met, by descriptor identity (generated descriptors are
 * singletons), so a row costs no descriptor walks. Not thread-safe: one result is read by one coroutine at a time.
 */
internal class MappingContext {
    private val plans = IdentityHashMap<SerialDescriptor, ClassPlan>()

    fun plan(descriptor: SerialDescriptor): ClassPlan = plans.getOrPut(descriptor) { ClassPlan.of(descriptor) }
}

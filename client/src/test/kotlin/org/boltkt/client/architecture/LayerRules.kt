package org.boltkt.client.architecture

import com.tngtech.archunit.base.DescribedPredicate
import com.tngtech.archunit.core.domain.JavaClass
import com.tngtech.archunit.lang.ArchRule
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import com.tngtech.archunit.library.Architectures.layeredArchitecture
import com.tngtech.archunit.library.dependencies.SliceAssignment
import com.tngtech.archunit.library.dependencies.SliceIdentifier
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

/**
 * One layer of a module: a name and which classes belong to it. Layers are listed top to bottom; a layer may use
 * only the layers below it.
 */
internal class Layer(val name: String, val contains: (JavaClass) -> Boolean) {
    companion object {
        /** The classes of [pkg] and its subpackages. */
        fun packageTree(name: String, pkg: String) = Layer(name) { it.packageName == pkg || it.packageName.startsWith("$pkg.") }

        /** The classes of exactly [pkg], except those [except] names. */
        fun packageOnly(name: String, pkg: String, except: (JavaClass) -> Boolean = { false }) =
            Layer(name) { it.packageName == pkg && !except(it) }
    }
}

/** The rules every library module's layering must satisfy, built from its layers (top to bottom). */
internal object LayerRules {
    /** No dependency from a layer to a layer above it (dependencies on classes outside every layer are not judged). */
    fun noUpwardDependencies(layers: List<Layer>): ArchRule {
        var rule = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
        layers.forEach { layer -> rule = rule.layer(layer.name).definedBy(predicate(layer)) }
        layers.forEachIndexed { i, layer ->
            val above = layers.take(i).map { it.name }
            rule = if (above.isEmpty()) {
                rule.whereLayer(layer.name).mayNotBeAccessedByAnyLayer()
            } else {
                rule.whereLayer(layer.name).mayOnlyBeAccessedByLayers(*above.toTypedArray())
            }
        }
        return rule
    }

    /** No cycle between the layers (each layer a slice; a class in no layer is left out). */
    fun noCycles(layers: List<Layer>): ArchRule =
        slices().assignedFrom(object : SliceAssignment {
            override fun getIdentifierOf(javaClass: JavaClass): SliceIdentifier =
                layers.firstOrNull { it.contains(javaClass) }?.let { SliceIdentifier.of(it.name) } ?: SliceIdentifier.ignore()

            override fun getDescription(): String = "layers ${layers.joinToString { it.name }}"
        }).should().beFreeOfCycles()

    /** [pkg] is pure protocol: no streams, sockets, channels, threads or coroutines. */
    fun noIo(pkg: String): ArchRule =
        noClasses().that().resideInAPackage("$pkg..").should().dependOnClassesThat(
            DescribedPredicate.describe("do I/O, threads or coroutines") { c: JavaClass ->
                c.packageName == "java.io" || c.packageName.startsWith("java.nio.channels") ||
                    c.packageName.startsWith("java.net") || c.packageName.startsWith("kotlinx.coroutines") ||
                    c.name == "java.lang.Thread" || c.packageName.startsWith("java.util.concurrent")
            },
        )

    private fun predicate(layer: Layer) = DescribedPredicate.describe<JavaClass>(layer.name) { layer.contains(it) }
}

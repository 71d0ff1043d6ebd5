package org.boltkt.testsupport.api

import org.objectweb.asm.tree.ClassNode
import kotlin.metadata.ClassKind
import kotlin.metadata.KmClass
import kotlin.metadata.KmClassifier
import kotlin.metadata.KmConstructor
import kotlin.metadata.KmFunction
import kotlin.metadata.KmPackage
import kotlin.metadata.KmProperty
import kotlin.metadata.KmType
import kotlin.metadata.KmTypeParameter
import kotlin.metadata.KmValueParameter
import kotlin.metadata.KmVariance
import kotlin.metadata.Modality
import kotlin.metadata.Visibility
import kotlin.metadata.declaresDefaultValue
import kotlin.metadata.isData
import kotlin.metadata.isNullable
import kotlin.metadata.isSuspend
import kotlin.metadata.isValue
import kotlin.metadata.isVar
import kotlin.metadata.jvm.KotlinClassMetadata
import kotlin.metadata.jvm.Metadata
import kotlin.metadata.jvm.fieldSignature
import kotlin.metadata.jvm.getterSignature
import kotlin.metadata.jvm.setterSignature
import kotlin.metadata.jvm.signature
import kotlin.metadata.kind
import kotlin.metadata.modality
import kotlin.metadata.visibility

/**
 * What the Kotlin metadata of one class file says beyond the JVM signatures: which JVM members are not public in
 * Kotlin (internal/private declarations compile to public JVM members), and the Kotlin view of the public ones.
 */
internal class KotlinFacts private constructor(private val kmClass: KmClass?, private val kmPackage: KmPackage?) {

    /** False for a class declared `internal`/`private`/local in Kotlin. File facades count as public. */
    val isPublicApi: Boolean get() = kmClass == null || kmClass.visibility.isPublic()

    /** True for a file facade (`FooKt`), which is API only when it holds a public declaration. */
    val isFileFacade: Boolean get() = kmClass == null

    private val hidden: Set<String> = buildSet {
        fun hide(visibility: Visibility, vararg signatures: Any?) {
            if (!visibility.isPublic()) signatures.filterNotNull().forEach { add(it.toString()) }
        }
        for (c in constructors()) hide(c.visibility, c.signature)
        for (f in functions()) hide(f.visibility, f.signature)
        for (p in properties()) {
            hide(p.visibility, p.getterSignature, p.setterSignature, p.fieldSignature)
            hide(p.getter.visibility, p.getterSignature)
            p.setter?.let { hide(it.visibility, p.setterSignature) }
        }
    }

    /** True for a JVM member (`name` + descriptor, fields as `name:descriptor`) that Kotlin declares non-public. */
    fun hidesJvm(signature: String): Boolean = signature in hidden

    /** `data class`, `sealed interface`, `object`, … for the type header. */
    fun classDescription(): String {
        val c = kmClass ?: return "top-level declarations"
        val kind = when (c.kind) {
            ClassKind.INTERFACE -> "interface"
            ClassKind.ENUM_CLASS -> "enum class"
            ClassKind.ENUM_ENTRY -> "enum entry"
            ClassKind.ANNOTATION_CLASS -> "annotation class"
            ClassKind.OBJECT -> "object"
            ClassKind.COMPANION_OBJECT -> "companion object"
            else -> "class"
        }
        val modality = when (c.modality) {
            Modality.SEALED -> "sealed "
            Modality.ABSTRACT -> if (c.kind == ClassKind.INTERFACE) "" else "abstract "
            Modality.OPEN -> "open "
            else -> ""
        }
        val extra = (if (c.isData) "data " else "") + (if (c.isValue) "value " else "")
        return modality + extra + kind + renderTypeParameters(c.typeParameters)
    }

    /** One line per public Kotlin constructor, function and property, with nullability, defaults and `suspend`. */
    fun declarations(): List<String> {
        val typeParams = kmClass?.typeParameters.orEmpty().associate { it.id to it.name }
        val lines = mutableListOf<String>()
        for (c in constructors()) {
            if (c.visibility.isPublic()) lines += visibilityWord(c.visibility) + "constructor(" + params(c.valueParameters, typeParams) + ")"
        }
        for (f in functions()) {
            if (!f.visibility.isPublic()) continue
            val names = typeParams + f.typeParameters.associate { it.id to it.name }
            lines += visibilityWord(f.visibility) + modalityWord(f.modality) + (if (f.isSuspend) "suspend " else "") + "fun " +
                renderTypeParameters(f.typeParameters).let { if (it.isEmpty()) "" else "$it " } +
                (f.receiverParameterType?.let { render(it, names) + "." } ?: "") +
                f.name + "(" + params(f.valueParameters, names) + "): " + render(f.returnType, names)
        }
        for (p in properties()) {
            if (!p.visibility.isPublic()) continue
            val names = typeParams + p.typeParameters.associate { it.id to it.name }
            lines += visibilityWord(p.visibility) + modalityWord(p.modality) + (if (p.isVar) "var " else "val ") +
                (p.receiverParameterType?.let { render(it, names) + "." } ?: "") +
                p.name + ": " + render(p.returnType, names) +
                (if (p.isVar && p.setter?.visibility?.isPublic() == false) " (private set)" else "")
        }
        kmClass?.enumEntries?.forEach { lines += "enum entry $it" }
        kmClass?.sealedSubclasses?.forEach { lines += "sealed subclass " + it.replace('/', '.') }
        return lines
    }

    private fun constructors(): List<KmConstructor> = kmClass?.constructors.orEmpty()
    private fun functions(): List<KmFunction> = kmClass?.functions ?: kmPackage?.functions.orEmpty()
    private fun properties(): List<KmProperty> = kmClass?.properties ?: kmPackage?.properties.orEmpty()

    private fun params(parameters: List<KmValueParameter>, names: Map<Int, String>): String =
        parameters.joinToString(", ") { p ->
            (if (p.varargElementType != null) "vararg " else "") + p.name + ": " +
                render(p.varargElementType ?: p.type, names) + (if (p.declaresDefaultValue) " = …" else "")
        }

    private fun render(type: KmType, names: Map<Int, String>): String {
        val base = when (val c = type.classifier) {
            is KmClassifier.Class -> kotlinName(c.name)
            is KmClassifier.TypeAlias -> kotlinName(c.name)
            is KmClassifier.TypeParameter -> names[c.id] ?: "T${c.id}"
        }
        val args = if (type.arguments.isEmpty()) "" else type.arguments.joinToString(", ", "<", ">") { a ->
            val t = a.type ?: return@joinToString "*"
            when (a.variance) {
                KmVariance.IN -> "in "
                KmVariance.OUT -> "out "
                else -> ""
            } + render(t, names)
        }
        return base + args + if (type.isNullable) "?" else ""
    }

    private fun renderTypeParameters(params: List<KmTypeParameter>): String =
        if (params.isEmpty()) "" else params.joinToString(", ", "<", ">") { it.name }

    companion object {
        private const val METADATA = "Lkotlin/Metadata;"

        /** The facts of [node], or null when it is not a Kotlin class or file facade (Java, synthetic, multi-file part). */
        fun of(node: ClassNode): KotlinFacts? {
            val annotation = node.visibleAnnotations.orEmpty().firstOrNull { it.desc == METADATA } ?: return null
            val values = annotation.values.orEmpty().chunked(2).associate { (k, v) -> k as String to v }
            @Suppress("UNCHECKED_CAST")
            val metadata = Metadata(
                kind = values["k"] as Int?,
                metadataVersion = (values["mv"] as List<Int>?)?.toIntArray(),
                data1 = (values["d1"] as List<String>?)?.toTypedArray(),
                data2 = (values["d2"] as List<String>?)?.toTypedArray(),
                extraString = values["xs"] as String?,
                packageName = values["pn"] as String?,
                extraInt = values["xi"] as Int?,
            )
            return when (val read = KotlinClassMetadata.readLenient(metadata)) {
                is KotlinClassMetadata.Class -> KotlinFacts(read.kmClass, null)
                is KotlinClassMetadata.FileFacade -> KotlinFacts(null, read.kmPackage)
                is KotlinClassMetadata.MultiFileClassPart -> KotlinFacts(null, read.kmPackage)
                else -> null
            }
        }

        private fun Visibility.isPublic(): Boolean = this == Visibility.PUBLIC || this == Visibility.PROTECTED

        private fun visibilityWord(v: Visibility): String = if (v == Visibility.PROTECTED) "protected " else ""

        private fun modalityWord(m: Modality): String = when (m) {
            Modality.ABSTRACT -> "abstract "
            Modality.OPEN -> "open "
            else -> ""
        }

        /** `kotlin/collections/Map` -> `Map`, `kotlin/String` -> `String`; other names fully qualified. */
        private fun kotlinName(name: String): String {
            val dotted = name.replace('/', '.')
            for (prefix in listOf("kotlin.collections.", "kotlin.")) {
                val rest = dotted.removePrefix(prefix)
                if (rest != dotted && rest.first().isUpperCase()) return rest
            }
            return dotted
        }
    }
}

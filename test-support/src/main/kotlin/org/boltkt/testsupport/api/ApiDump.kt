package org.boltkt.testsupport.api

import org.objectweb.asm.ClassReader
import org.objectweb.asm.Opcodes
import org.objectweb.asm.Type
import org.objectweb.asm.tree.AnnotationNode
import org.objectweb.asm.tree.ClassNode
import java.nio.file.FileSystems
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.extension
import kotlin.io.path.isRegularFile
import kotlin.io.path.readBytes

/**
 * The public API of compiled classes as sorted text: one block per effectively public type, its JVM-level
 * public/protected signatures (`jvm:` lines, what binary compatibility is about) and, for Kotlin types, what the
 * Kotlin metadata adds (`kotlin:` lines: data/value/sealed, `suspend`, nullability, parameters with defaults).
 *
 * "Effectively public" means public or protected at the JVM level, not synthetic, not a bridge, every enclosing
 * type public too, and not declared `internal`/`private` in Kotlin (those compile to public JVM members with
 * mangled names). Output is deterministic: types sorted by name, lines within a type sorted.
 */
object ApiDump {

    /** The dump of every `.class` file under [classesDir] whose class name starts with one of [packagePrefixes]. */
    fun dump(classesDir: Path, packagePrefixes: List<String> = listOf("")): String {
        val nodes = readClasses(classesDir).filter { node -> packagePrefixes.any { javaName(node.name).startsWith(it) } }
        val byName = nodes.associateBy { it.name }
        return nodes.filter { isEffectivelyPublic(it, byName) }
            .sortedBy { javaName(it.name) }
            .mapNotNull { renderType(it) }
            .joinToString("\n")
    }

    /**
     * Binary names (`a.b.Outer$Inner`, for `Class.forName`) of the effectively public types in [location], a classes
     * directory or a jar, sorted. The Java/Kotlin drift test walks these.
     */
    @JvmStatic
    fun publicTypeNames(location: Path): List<String> {
        val nodes = readClasses(location)
        val byName = nodes.associateBy { it.name }
        return nodes.filter { isEffectivelyPublic(it, byName) }.map { it.name.replace('/', '.') }.sorted()
    }

    /**
     * For each effectively public type in [location] (binary name), its public API methods and constructors as
     * `name` + JVM descriptor, by the dump's rules: Kotlin `internal` top-level functions, for instance, are public
     * static methods in the class file but not listed. The Java/Kotlin drift test checks only these.
     */
    @JvmStatic
    fun publicMethods(location: Path): Map<String, Set<String>> {
        val nodes = readClasses(location)
        val byName = nodes.associateBy { it.name }
        return nodes.filter { isEffectivelyPublic(it, byName) }.associate { node ->
            val kotlin = KotlinFacts.of(node)
            val isFinal = ((node.innerClasses.firstOrNull { it.name == node.name }?.access ?: node.access) and Opcodes.ACC_FINAL) != 0
            node.name.replace('/', '.') to node.methods.orEmpty()
                .filter { isVisible(it.access, isFinal) && it.access and (Opcodes.ACC_SYNTHETIC or Opcodes.ACC_BRIDGE) == 0 }
                .filter { kotlin?.hidesJvm(it.name + it.desc) != true }
                .map { it.name + it.desc }
                .toSortedSet()
        }
    }

    private fun readClasses(location: Path): List<ClassNode> =
        if (location.isRegularFile()) FileSystems.newFileSystem(location).use { readTree(it.getPath("/")) } else readTree(location)

    private fun readTree(dir: Path): List<ClassNode> = Files.walk(dir).use { paths ->
        paths.filter { it.isRegularFile() && it.extension == "class" && it.fileName.toString() != "module-info.class" }
            .map { path -> ClassNode().also { ClassReader(path.readBytes()).accept(it, ClassReader.SKIP_CODE) } }
            .toList()
    }

    private fun isEffectivelyPublic(node: ClassNode, byName: Map<String, ClassNode>): Boolean {
        if (node.access and Opcodes.ACC_SYNTHETIC != 0) return false
        val self = node.innerClasses.firstOrNull { it.name == node.name }
        val access = self?.access ?: node.access
        if (access and (Opcodes.ACC_PUBLIC or Opcodes.ACC_PROTECTED) == 0) return false
        if (self != null && (self.outerName == null || self.innerName == null)) return false // local or anonymous
        if (KotlinFacts.of(node)?.isPublicApi == false) return false
        val outer = self?.outerName ?: return true
        val outerNode = byName[outer] ?: return true
        return isEffectivelyPublic(outerNode, byName)
    }

    /** The block of one type, or null for a Kotlin file facade with no public declaration. */
    private fun renderType(node: ClassNode): String? {
        val kotlin = KotlinFacts.of(node)
        val self = node.innerClasses.firstOrNull { it.name == node.name }
        val access = self?.access ?: node.access
        val isFinal = access and Opcodes.ACC_FINAL != 0
        val lines = sortedSetOf<String>()
        val supertypes = listOfNotNull(node.superName?.takeUnless { it == "java/lang/Object" || it == "java/lang/Enum" || it == "java/lang/Record" })
            .plus(node.interfaces.orEmpty())
            .map { javaName(it) }
        if (supertypes.isNotEmpty()) lines += "supertypes: " + supertypes.sorted().joinToString(", ")
        for (field in node.fields.orEmpty()) {
            if (!isVisible(field.access, isFinal) || field.access and Opcodes.ACC_SYNTHETIC != 0) continue
            if (kotlin?.hidesJvm(field.name + ":" + field.desc) == true) continue
            lines += "jvm: " + modifiers(field.access, isMethod = false) + typeName(Type.getType(field.desc)) + " " + field.name
        }
        for (method in node.methods.orEmpty()) {
            if (!isVisible(method.access, isFinal)) continue
            if (method.access and (Opcodes.ACC_SYNTHETIC or Opcodes.ACC_BRIDGE) != 0) continue
            if (method.name == "<clinit>") continue
            if (kotlin?.hidesJvm(method.name + method.desc) == true) continue
            val type = Type.getMethodType(method.desc)
            val params = type.argumentTypes.joinToString(", ") { typeName(it) }
            val throws = method.exceptions.orEmpty().sorted().joinToString(", ") { javaName(it) }
            lines += "jvm: " + modifiers(method.access, isMethod = true) +
                (if (method.name == "<init>") "" else typeName(type.returnType) + " ") +
                method.name + "(" + params + ")" + (if (throws.isEmpty()) "" else " throws $throws") +
                deprecation(method.visibleAnnotations, method.invisibleAnnotations)
        }
        kotlin?.declarations()?.forEach { lines += "kotlin: $it" }
        if (kotlin?.isFileFacade == true && lines.none { it.startsWith("jvm: ") }) return null
        val header = modifiers(access and Opcodes.ACC_ENUM.inv() and Opcodes.ACC_ANNOTATION.inv(), isMethod = false) +
            typeKeyword(access) + " " + javaName(node.name) +
            (kotlin?.classDescription()?.let { "  [kotlin: $it]" } ?: "") +
            deprecation(node.visibleAnnotations, node.invisibleAnnotations)
        return buildString {
            append(header).append(" {\n")
            lines.forEach { append("  ").append(it).append('\n') }
            append("}\n")
        }
    }

    private fun isVisible(access: Int, classIsFinal: Boolean): Boolean =
        access and Opcodes.ACC_PUBLIC != 0 || (access and Opcodes.ACC_PROTECTED != 0 && !classIsFinal)

    private fun modifiers(access: Int, isMethod: Boolean): String = buildString {
        append(if (access and Opcodes.ACC_PUBLIC != 0) "public " else "protected ")
        if (access and Opcodes.ACC_STATIC != 0) append("static ")
        if (access and Opcodes.ACC_ABSTRACT != 0 && isMethod) append("abstract ")
        if (access and Opcodes.ACC_FINAL != 0) append("final ")
        if (access and Opcodes.ACC_VOLATILE != 0 && !isMethod) append("volatile ")
        if (access and Opcodes.ACC_TRANSIENT != 0 && !isMethod) append("transient ")
        if (access and Opcodes.ACC_VARARGS != 0 && isMethod) append("varargs ")
    }

    private fun typeKeyword(access: Int): String = when {
        access and Opcodes.ACC_ANNOTATION != 0 -> "@interface"
        access and Opcodes.ACC_INTERFACE != 0 -> "interface"
        access and Opcodes.ACC_ENUM != 0 -> "enum"
        access and Opcodes.ACC_ABSTRACT != 0 -> "abstract class"
        else -> "class"
    }

    private fun deprecation(visible: List<AnnotationNode>?, invisible: List<AnnotationNode>?): String {
        val all = visible.orEmpty() + invisible.orEmpty()
        return if (all.any { it.desc == "Ljava/lang/Deprecated;" || it.desc == "Lkotlin/Deprecated;" }) "  @Deprecated" else ""
    }

    /** `java/lang/String` -> `String`, `org/a/B$C` -> `org.a.B.C`; other `java.lang` names keep no package either. */
    internal fun javaName(internalName: String): String {
        val dotted = internalName.replace('/', '.').replace('$', '.')
        return if (dotted.startsWith("java.lang.") && dotted.count { it == '.' } == 2) dotted.removePrefix("java.lang.") else dotted
    }

    private fun typeName(type: Type): String = when (type.sort) {
        Type.ARRAY -> typeName(type.elementType) + "[]".repeat(type.dimensions)
        Type.OBJECT -> javaName(type.internalName)
        else -> type.className
    }
}

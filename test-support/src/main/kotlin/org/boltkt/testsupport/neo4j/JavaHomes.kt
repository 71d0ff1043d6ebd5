package org.boltkt.testsupport.neo4j

import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.isDirectory
import kotlin.io.path.isExecutable
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.readLines

/**
 * Finds a JDK able to run a given server version.
 *
 * Looked up in this order: the JVM running the tests, the environment variable [JDK21_ENV] (must name a JDK 21+),
 * `JAVA_HOME`, then every JDK under the usual install roots (`/usr/lib/jvm`, `/opt/java`, `/usr/java`,
 * `~/.sdkman/candidates/java`, `~/.jdks`). The highest suitable version wins among the scanned ones.
 */
object JavaHomes {
    /** Environment variable naming a JDK 21+ home for the Neo4j 2026.x server. */
    const val JDK21_ENV: String = "BOLTKT_JDK21_HOME"

    /** A usable JDK: its home, `bin/java` and feature release. */
    data class Jdk(val home: Path, val feature: Int) {
        val java: Path get() = home.resolve("bin").resolve("java")
    }

    /** The JDK to run a server needing [minimumFeature], or a human-readable reason why there is none. */
    fun find(minimumFeature: Int): Result<Jdk> {
        val current = inspect(Path.of(System.getProperty("java.home")))
        if (current != null && current.feature >= minimumFeature) return Result.success(current)
        System.getenv(JDK21_ENV)?.takeIf { it.isNotBlank() }?.let { named ->
            val jdk = inspect(Path.of(named))
            return when {
                jdk == null -> Result.failure(IllegalStateException("$JDK21_ENV=$named is not a JDK home (no bin/java)"))
                jdk.feature < minimumFeature ->
                    Result.failure(IllegalStateException("$JDK21_ENV=$named is Java ${jdk.feature}; Java $minimumFeature+ is needed"))
                else -> Result.success(jdk)
            }
        }
        val candidates = buildList {
            System.getenv("JAVA_HOME")?.let { inspect(Path.of(it))?.let(::add) }
            for (root in installRoots()) {
                if (!root.isDirectory()) continue
                runCatching { root.listDirectoryEntries() }.getOrDefault(emptyList()).forEach { dir ->
                    inspect(dir)?.let(::add)
                }
            }
        }
        return candidates.filter { it.feature >= minimumFeature }.maxByOrNull { it.feature }
            ?.let { Result.success(it) }
            ?: Result.failure(
                IllegalStateException(
                    "no JDK $minimumFeature+ found (looked at \$$JDK21_ENV, the test JVM, \$JAVA_HOME and " +
                        "${installRoots().joinToString()}); install one or set $JDK21_ENV",
                ),
            )
    }

    private fun installRoots(): List<Path> {
        val home = Path.of(System.getProperty("user.home"))
        return listOf(
            Path.of("/usr/lib/jvm"), Path.of("/opt/java"), Path.of("/usr/java"),
            home.resolve(".sdkman/candidates/java"), home.resolve(".jdks"),
        )
    }

    /** Reads the feature release from a JDK's `release` file; null for anything that is not a runnable JDK. */
    internal fun inspect(home: Path): Jdk? {
        val real = runCatching { home.toRealPath() }.getOrNull() ?: return null
        if (!real.resolve("bin/java").isExecutable()) return null
        val release = real.resolve("release")
        if (!Files.isRegularFile(release)) return null
        val line = runCatching { release.readLines() }.getOrDefault(emptyList())
            .firstOrNull { it.startsWith("JAVA_VERSION=") } ?: return null
        val version = line.substringAfter('=').trim('"')
        val feature = version.removePrefix("1.").substringBefore('.').substringBefore('-').substringBefore('+')
            .toIntOrNull() ?: return null
        return Jdk(real, feature)
    }
}

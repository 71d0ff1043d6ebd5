package org.boltkt.testsupport.neo4j

/**
 * What server to start: a version plus extra Neo4j settings (`name=value`, exactly as in `neo4j.conf`, e.g.
 * `server.bolt.tls_level=REQUIRED`). Specs that are equal share one running server for the whole test run.
 *
 * @property name distinguishes servers with the same settings that must not be shared (e.g. a test that kills it).
 */
data class Neo4jServerSpec(
    val version: Neo4jVersion,
    val settings: Map<String, String> = emptyMap(),
    val name: String = "default",
) {
    /** The settings passed to the server: Neo4j's own logs kept under [logDir] unless [settings] say otherwise. */
    internal fun allSettings(logDir: java.nio.file.Path): Map<String, String> =
        mapOf("server.directories.logs" to logDir.toString()) + settings

    /** A directory name unique to this spec. */
    internal fun directoryName(): String {
        val suffix = if (settings.isEmpty()) "" else "-" + Integer.toHexString(settings.toSortedMap().hashCode())
        return "neo4j-${version.label}-$name$suffix"
    }

}

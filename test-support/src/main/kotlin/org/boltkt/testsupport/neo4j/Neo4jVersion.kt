package org.boltkt.testsupport.neo4j

/**
 * The real Neo4j versions the test suite runs against. Each one's classpath is resolved by Maven in its own
 * `test-servers/` module and written to a classpath file on this module's classpath; the server itself runs in a
 * child JVM, because 2025+ servers need Java 21 and two Neo4j versions cannot share one classpath.
 */
enum class Neo4jVersion(
    /** Short label used in test names, directories and skip reasons. */
    val label: String,
    /** Classpath resource holding the server's resolved classpath (one path-separator-joined line). */
    val classpathResource: String,
    /** Lowest Java feature release the server runs on. */
    val minimumJava: Int,
) {
    LTS_5_26("5.26", "org/boltkt/testservers/neo4j-5.26.classpath", 17),
    CALVER_2026("2026", "org/boltkt/testservers/neo4j-2026.classpath", 21);

    override fun toString(): String = "Neo4j $label"
}

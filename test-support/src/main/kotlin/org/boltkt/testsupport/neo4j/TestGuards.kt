@file:JvmName("Neo4jTestGuards")

package org.boltkt.testsupport.neo4j

import org.junit.jupiter.api.Assumptions

/**
 * Aborts the calling JUnit 5 test as *skipped, with the reason* where [version] cannot run here (e.g. no JDK 21+).
 *
 * Environment-gated tests are written as JUnit 5 tests for this reason: Surefire records an assumption's message in
 * its report, while a disabled Kotest test is reported skipped with no reason at all.
 */
fun assumeNeo4jAvailable(version: Neo4jVersion) {
    val reason = Neo4jServers.unavailableReason(version)
    Assumptions.assumeTrue(reason == null) { reason ?: "" }
}

/** [assumeNeo4jAvailable], then the shared default server of [version]. */
fun neo4jServerOrSkip(version: Neo4jVersion): Neo4jServer {
    assumeNeo4jAvailable(version)
    return Neo4jServers.get(version)
}

package org.boltkt.client.it

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.DriverConfigBuilder
import org.boltkt.client.auth.AuthTokens
import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip

/**
 * Opens a driver on the shared real server of [version] (skipping where it cannot run) and closes it after [block].
 * Returns Unit on purpose: JUnit silently ignores test methods that return a value, and tests use this as their body.
 */
fun withDriver(version: Neo4jVersion, configure: DriverConfigBuilder.() -> Unit = {}, block: suspend (Driver, Neo4jServer) -> Unit) {
    val server = neo4jServerOrSkip(version)
    runBlocking {
        val driver = BoltDriver(server.boltUri.toString(), AuthTokens.basic(server.user, server.password), configure)
        try {
            block(driver, server)
        } finally {
            driver.close()
        }
    }
}

package org.boltkt.samples

import org.boltkt.testsupport.neo4j.Neo4jServers
import org.boltkt.testsupport.neo4j.Neo4jVersion

/**
 * Where the samples connect: the server named by `NEO4J_URI` (with `NEO4J_USER`, default `neo4j`, and
 * `NEO4J_PASSWORD`), or else an embedded Neo4j 5.26 started for the run.
 *
 * The embedded server reuses the project's test-server launcher (`test-support` + `test-servers/neo4j-5.26`): a
 * real Neo4j 5.26 (neo4j-harness) runs in a child JVM on the JDK running the samples, with a Maven-resolved
 * classpath, and stops when this JVM exits. That keeps Neo4j's own large classpath away from the samples'
 * classpath, which holds only the driver — exactly what an application would have.
 */
data class SampleServer(val uri: String, val user: String, val password: String, val embedded: Boolean) {
    companion object {
        /** Reads the environment or starts the embedded server, and says which on standard output. */
        @JvmStatic
        fun connect(): SampleServer {
            val uri = System.getenv("NEO4J_URI")?.takeIf { it.isNotBlank() }
            if (uri != null) {
                val user = System.getenv("NEO4J_USER") ?: "neo4j"
                println("Using the Neo4j server at $uri as '$user' (from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD).")
                return SampleServer(uri, user, System.getenv("NEO4J_PASSWORD") ?: "", embedded = false)
            }
            val running = Neo4jServers.started().isNotEmpty()
            if (!running) println("NEO4J_URI is not set: starting an embedded Neo4j 5.26 for this run (takes ~15 s)...")
            val server = Neo4jServers.get(Neo4jVersion.LTS_5_26)
            if (running) {
                println("Reusing the embedded Neo4j ${server.serverVersion} at ${server.boltUri}.")
                return SampleServer(server.boltUri.toString(), server.user, server.password, embedded = true)
            }
            println("Embedded Neo4j ${server.serverVersion} is listening at ${server.boltUri} (user '${server.user}').")
            println("  Its logs: ${server.logFile}. Set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use your own server instead.")
            return SampleServer(server.boltUri.toString(), server.user, server.password, embedded = true)
        }
    }
}

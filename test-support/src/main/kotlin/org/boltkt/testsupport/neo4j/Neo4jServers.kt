package org.boltkt.testsupport.neo4j

import java.nio.file.Path
import java.util.concurrent.ConcurrentHashMap

/**
 * The shared real Neo4j servers of this test JVM: one per [Neo4jServerSpec], started on first use and stopped by a
 * shutdown hook when the JVM exits (Surefire runs one JVM per module, so one server per version per module run).
 *
 * A server that cannot run here (no suitable JDK) is *unavailable*: tests must report themselves skipped with
 * [unavailableReason], never pass silently. A server that should run but fails to start is an error, not a skip.
 */
object Neo4jServers {
    /** The password of the `neo4j` user on every test server. */
    const val PASSWORD: String = "boltkt-test-password"

    private val servers = ConcurrentHashMap<Neo4jServerSpec, Lazy<Neo4jServer>>()

    init {
        Runtime.getRuntime().addShutdownHook(Thread({ stopAll() }, "boltkt-neo4j-servers-stop"))
    }

    /** Why [version] cannot run on this machine, or null when it can. */
    fun unavailableReason(version: Neo4jVersion): String? =
        JavaHomes.find(version.minimumJava).exceptionOrNull()?.let { "$version needs Java ${version.minimumJava}+: ${it.message}" }

    /** The shared default server of [version], starting it if needed. Throws when unavailable (check first). */
    fun get(version: Neo4jVersion): Neo4jServer = get(Neo4jServerSpec(version))

    /** The shared server for [spec], starting it if needed. Blocks until Bolt accepts connections. */
    fun get(spec: Neo4jServerSpec): Neo4jServer =
        servers.computeIfAbsent(spec) { lazy(LazyThreadSafetyMode.SYNCHRONIZED) { start(it) } }.value

    /** Every server started so far in this JVM. */
    fun started(): List<Neo4jServer> = servers.values.filter { it.isInitialized() }.map { it.value }

    /** Starts a server for [spec] that is *not* shared: the caller owns it and must [Neo4jServer.stop] it. */
    fun startPrivate(spec: Neo4jServerSpec): Neo4jServer = start(spec)

    /**
     * Starts a private server (the caller owns it and must [Neo4jServer.stop] it) whose store lives in its own
     * directory outside the server's working directory, so that it survives a [Neo4jServer.kill] and a
     * [restartOnSamePort] finds the data committed before the crash. The store is emptied first.
     */
    fun startCrashable(version: Neo4jVersion, name: String): Neo4jServer {
        val data = buildDirectory().resolve("neo4j").resolve("crashable-${version.label}-$name-data")
        data.toFile().deleteRecursively()
        return start(Neo4jServerSpec(version, mapOf("server.directories.data" to data.toString()), name))
    }

    /**
     * Kills [server] hard if it still runs ([Neo4jServer.kill]) and starts a new server of the same spec on the
     * same host and port (over the same store when it came from [startCrashable]): clients configured with the old
     * address reach the new server. Blocks until Bolt accepts connections; a port not yet free is tried again for
     * up to 30 s.
     */
    fun restartOnSamePort(server: Neo4jServer): Neo4jServer {
        if (server.isAlive) server.kill()
        val spec = server.spec.copy(settings = server.spec.settings + ("server.bolt.listen_address" to "${server.host}:${server.port}"))
        val deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30)
        while (true) {
            try {
                return start(spec)
            } catch (e: IllegalStateException) {
                val portBusy = e.message.orEmpty().contains("Address already in use")
                if (!portBusy || System.nanoTime() > deadline) throw e
                Thread.sleep(500)
            }
        }
    }

    private fun start(spec: Neo4jServerSpec): Neo4jServer {
        val jdk = JavaHomes.find(spec.version.minimumJava).getOrElse { throw IllegalStateException(unavailableReason(spec.version), it) }
        val dir = buildDirectory().resolve("neo4j").resolve(spec.directoryName())
        return Neo4jServer.start(spec, jdk, dir, PASSWORD)
    }

    /** Stops all servers in parallel: Surefire gives a forked JVM 30 s to exit after the tests. */
    private fun stopAll() {
        val running = started()
        running.forEach { runCatching { it.requestStop() } }
        running.forEach { runCatching { it.awaitStop() } }
    }

    /** The module's build directory (Surefire passes it), where server logs are kept. */
    fun buildDirectory(): Path =
        Path.of(System.getProperty("boltkt.buildDirectory") ?: "target").toAbsolutePath()
}

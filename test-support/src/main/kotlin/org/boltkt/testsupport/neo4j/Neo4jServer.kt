package org.boltkt.testsupport.neo4j

import java.io.File
import java.net.URI
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import kotlin.io.path.exists
import kotlin.io.path.readLines

/**
 * A real Neo4j running in a child JVM for the tests of this JVM.
 *
 * Obtain one from [Neo4jServers]; do not stop it yourself: it is shared by every test of the run and stopped by a
 * shutdown hook. If this JVM is killed, the child sees its standard input close and stops on its own.
 */
class Neo4jServer internal constructor(
    /** What was started: a restart ([Neo4jServers.restartOnSamePort]) starts the same again. */
    val spec: Neo4jServerSpec,
    val version: Neo4jVersion,
    /** The exact server version the server reported, e.g. `5.26.30`. */
    val serverVersion: String,
    val host: String,
    val port: Int,
    val user: String,
    val password: String,
    /** The child's standard output and error: startup, shutdown and failures. */
    val logFile: Path,
    /** Neo4j's own logs (`debug.log` lists the effective settings); kept after the server stops. */
    val serverLogDir: Path,
    private val process: Process,
) {
    /** `bolt://host:port`. */
    val boltUri: URI get() = URI("bolt://$host:$port")

    /** The child JVM's process id (for leak checks). */
    val pid: Long get() = process.pid()

    val isAlive: Boolean get() = process.isAlive

    /** Stops the server and waits for its JVM to exit; escalates to a kill when it does not exit in time. */
    fun stop() {
        requestStop()
        awaitStop()
    }

    /**
     * Kills the server's JVM at once (SIGKILL: no shutdown, open connections die with the process, nothing is
     * flushed beyond what the server had written) and waits until it is gone. What a power cut or `kill -9` does.
     */
    fun kill() {
        process.destroyForcibly()
        check(process.waitFor(30, TimeUnit.SECONDS)) { "$this still runs 30 s after SIGKILL" }
    }

    /** Asks the server to stop (closes the child's standard input) without waiting; see [awaitStop]. */
    internal fun requestStop() {
        runCatching { process.outputStream.close() }
    }

    /** Waits for a stop asked by [requestStop]; Neo4j's Bolt shutdown alone takes about 10 s. */
    internal fun awaitStop() {
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroy()
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)
        }
    }

    override fun toString(): String = "$version ($serverVersion) at $boltUri"

    internal companion object {
        private const val LAUNCHER = "org.boltkt.testservers.Neo4jServerMain"
        /** `-Dboltkt.neo4j.startSeconds` (180): a machine under heavy load can take longer to start Neo4j. */
        private val START_TIMEOUT_SECONDS = System.getProperty("boltkt.neo4j.startSeconds")?.toLongOrNull() ?: 180L

        /** Starts a child JVM and waits until Bolt listens; fails with the log tail when the server does not come up. */
        fun start(spec: Neo4jServerSpec, jdk: JavaHomes.Jdk, dir: Path, password: String): Neo4jServer {
            Files.createDirectories(dir)
            val ready = dir.resolve("ready.properties")
            Files.deleteIfExists(ready)
            val log = dir.resolve("server.log")
            val workDir = dir.resolve("work")
            val command = buildList {
                add(jdk.java.toString())
                add("-Xmx768m")
                add("-XX:+ExitOnOutOfMemoryError")
                add("-cp")
                add(serverClasspath(spec.version))
                add(LAUNCHER)
                add(workDir.toString())
                add(ready.toString())
                add(password)
                spec.allSettings(dir.resolve("logs")).forEach { (k, v) -> add("$k=$v") }
            }
            val process = ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start()
            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS)
            while (!ready.exists()) {
                if (!process.isAlive) {
                    throw IllegalStateException("${spec.version} exited with ${process.exitValue()} before Bolt was ready; log $log:\n${tail(log)}")
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly()
                    throw IllegalStateException("${spec.version} not ready after ${START_TIMEOUT_SECONDS}s; log $log:\n${tail(log)}")
                }
                Thread.sleep(100)
            }
            val props = ready.readLines().associate { it.substringBefore('=') to it.substringAfter('=') }
            val authority = props.getValue("bolt")
            return Neo4jServer(
                spec = spec,
                version = spec.version,
                serverVersion = props.getValue("version"),
                host = authority.substringBeforeLast(':'),
                port = authority.substringAfterLast(':').toInt(),
                user = "neo4j",
                password = password,
                logFile = log,
                serverLogDir = dir.resolve("logs"),
                process = process,
            )
        }

        /** The launcher's own location plus the Maven-resolved server classpath of [version]. */
        private fun serverClasspath(version: Neo4jVersion): String {
            val loader = Neo4jServer::class.java.classLoader
            val resource = loader.getResource(version.classpathResource)
                ?: error("${version.classpathResource} is not on the test classpath; build with Maven from the project root")
            val serverCp = resource.openStream().use { it.readBytes().decodeToString().trim() }
            val launcherClass = LAUNCHER.replace('.', '/') + ".class"
            val launcherUrl = loader.getResource(launcherClass) ?: error("$launcherClass is not on the test classpath")
            val launcherRoot = when (launcherUrl.protocol) {
                "jar" -> File(URI(launcherUrl.path.substringBefore("!/"))).path
                "file" -> File(launcherUrl.toURI()).path.removeSuffix(launcherClass.replace('/', File.separatorChar))
                else -> error("cannot run the launcher from $launcherUrl")
            }
            return launcherRoot + File.pathSeparator + serverCp
        }

        private fun tail(log: Path): String =
            runCatching { log.readLines().takeLast(40).joinToString("\n") }.getOrDefault("(no log)")
    }
}

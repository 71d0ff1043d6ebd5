package org.boltkt.testsupport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.testsupport.neo4j.Neo4jServerSpec
import org.boltkt.testsupport.neo4j.Neo4jServers
import org.boltkt.testsupport.neo4j.Neo4jVersion
import java.io.File
import java.util.concurrent.TimeUnit
import kotlin.io.path.readText

/**
 * The fixture's contract beyond "it starts": settings reach the server, bad settings fail loudly, servers are shared
 * per spec, and a killed test JVM takes its server down with it.
 */
class Neo4jServerLifecycleSpec : FunSpec({
    val lts = Neo4jVersion.LTS_5_26

    test("the same spec yields the same running server") {
        Neo4jServers.get(lts) shouldBe Neo4jServers.get(Neo4jServerSpec(lts))
    }

    test("extra settings reach the server and its own logs are kept under target") {
        val server = Neo4jServers.get(Neo4jServerSpec(lts, mapOf("db.transaction.timeout" to "17s")))

        val debugLog = server.serverLogDir.resolve("debug.log").readText()

        debugLog shouldContain "db.transaction.timeout=17s"
        server.serverLogDir.startsWith(Neo4jServers.buildDirectory()) shouldBe true
    }

    test("an unknown setting fails the start with the setting's name") {
        val error = shouldThrow<IllegalStateException> {
            Neo4jServers.startPrivate(Neo4jServerSpec(lts, mapOf("no.such.setting" to "1"), name = "bad-setting"))
        }
        error.message shouldContain "No declared setting with name: no.such.setting"
    }

    test("a test JVM killed with SIGKILL leaves no Neo4j behind") {
        val holder = ProcessBuilder(
            File(System.getProperty("java.home"), "bin/java").path,
            "-cp", System.getProperty("java.class.path"),
            "-Dboltkt.buildDirectory=${Neo4jServers.buildDirectory()}",
            ServerHolderMain::class.java.name,
        ).redirectErrorStream(true).start()
        val serverPid = try {
            holder.inputStream.bufferedReader().lineSequence()
                .first { it.startsWith(ServerHolderMain.PID_PREFIX) }
                .removePrefix(ServerHolderMain.PID_PREFIX).toLong()
        } catch (e: NoSuchElementException) {
            holder.destroyForcibly()
            throw AssertionError("holder JVM exited without starting a server", e)
        }
        ProcessHandle.of(serverPid).isPresent shouldBe true

        holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS) shouldBe true

        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
        while (ProcessHandle.of(serverPid).map { it.isAlive }.orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(200)
        }
        ProcessHandle.of(serverPid).map { it.isAlive }.orElse(false) shouldBe false
    }
})

/** Stands in for a test JVM: starts a server, prints its pid, then waits to be killed. */
object ServerHolderMain {
    const val PID_PREFIX: String = "NEO4J_PID="

    @JvmStatic
    fun main(args: Array<String>) {
        val server = Neo4jServers.startPrivate(Neo4jServerSpec(Neo4jVersion.LTS_5_26, name = "orphan-check"))
        println(PID_PREFIX + server.pid)
        System.out.flush()
        Thread.sleep(TimeUnit.MINUTES.toMillis(5))
    }
}

package org.boltkt.testsupport.faults

import java.nio.file.Files
import java.nio.file.Path
import java.util.function.IntSupplier
import java.util.function.Supplier

/**
 * What a leak check counts in this JVM: live threads and open file descriptors (Linux `/proc/self/fd`), and a wait
 * until a count is back to its baseline. Shared by the Kotlin and the Java chaos tests.
 */
object ProcessResources {
    /** Threads alive now. */
    @JvmStatic
    fun liveThreads(): Int = Thread.getAllStackTraces().keys.count { it.isAlive }

    /** Names of the threads alive now, sorted (to name what a leak left behind). */
    @JvmStatic
    fun threadNames(): List<String> = Thread.getAllStackTraces().keys.filter { it.isAlive }.map { it.name }.sorted()

    /** File descriptors open now. */
    @JvmStatic
    fun openFds(): Int = Files.list(Path.of("/proc/self/fd")).use { it.count().toInt() }

    /**
     * Waits up to 75 s until [now] is at most [baseline] plus a tolerance of 4, then fails with [detail] when it is
     * not. Shared pools outside the driver's control keep idle threads for a while: the JDK's default
     * `AsynchronousChannelGroup` (the NIO transport's default; unnamed `Thread-N` threads of a cached pool) and
     * kotlinx's `Dispatchers.Default`/`IO` workers each end an idle thread after 60 s, so on a loaded machine, where
     * more of them were started, the count can take that long to come back. A thread the driver leaked never does.
     */
    @JvmStatic
    fun awaitBaseline(what: String, baseline: Int, now: IntSupplier, detail: Supplier<String>) {
        val tolerance = 4
        val deadline = System.nanoTime() + 75_000_000_000L
        while (now.asInt > baseline + tolerance && System.nanoTime() < deadline) Thread.sleep(100)
        val count = now.asInt
        if (count > baseline + tolerance) throw AssertionError("$what: $count now, $baseline before the driver; ${detail.get()}")
    }
}

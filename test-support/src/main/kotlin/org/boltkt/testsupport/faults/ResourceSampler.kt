package org.boltkt.testsupport.faults

import java.lang.management.ManagementFactory
import java.nio.file.Files
import java.nio.file.Path
import java.util.function.LongSupplier
import javax.management.ObjectName

/**
 * Samples this JVM for a soak run and appends one CSV line per sample to [csv]:
 * `elapsed_s,heap_after_gc_mib,threads,fds,operations` — the heap used right after a full GC that the sampler asks
 * for (`System.gc()`: what survives, not garbage still waiting), live threads, open file descriptors, and
 * [operations] (calls finished so far, so growth can be set against work done). The first sample is taken at once,
 * then every [intervalMillis] until [close], which takes a last one. A daemon thread; the file is flushed per line.
 *
 * The live-object class histogram (what `jcmd GC.class_histogram` prints, top [HISTOGRAM_LINES] lines) is written
 * next to [csv] at the second sample (after a warm-up interval) and at [close]: `<csv name>-histogram-<elapsed>s.txt`.
 * Set side by side they tell which classes a rising heap curve is made of.
 */
class ResourceSampler(
    private val csv: Path,
    private val intervalMillis: Long,
    private val operations: LongSupplier,
) : AutoCloseable {
    private val started = System.nanoTime()
    private val lock = Any()

    private var samples = 0

    @Volatile
    private var running = true
    private val thread: Thread

    init {
        csv.parent?.let(Files::createDirectories)
        Files.writeString(csv, "elapsed_s,heap_after_gc_mib,threads,fds,operations\n")
        sample()
        thread = Thread({
            try {
                while (running) {
                    Thread.sleep(intervalMillis)
                    if (running) sample()
                }
            } catch (_: InterruptedException) {
            }
        }, "resource-sampler").apply { isDaemon = true; start() }
    }

    /** Takes one sample now and appends it. */
    fun sample() {
        takeSample()
    }

    /** Appends one sample (and the first histogram at the second one); returns its elapsed seconds. */
    private fun takeSample(): Long = synchronized(lock) {
        System.gc()
        val heap = ManagementFactory.getMemoryMXBean().heapMemoryUsage.used / (1024.0 * 1024.0)
        val elapsed = (System.nanoTime() - started) / 1_000_000_000L
        val line = "%d,%.1f,%d,%d,%d\n".format(java.util.Locale.ROOT, elapsed, heap, ProcessResources.liveThreads(), ProcessResources.openFds(), operations.asLong)
        Files.writeString(csv, line, java.nio.file.StandardOpenOption.APPEND)
        if (++samples == 2) writeHistogram(elapsed)
        elapsed
    }

    private fun writeHistogram(elapsed: Long) {
        val server = ManagementFactory.getPlatformMBeanServer()
        val command = ObjectName("com.sun.management:type=DiagnosticCommand")
        val text = server.invoke(command, "gcClassHistogram", arrayOf<Any>(arrayOf<String>()), arrayOf(Array<String>::class.java.name)) as String
        val name = csv.fileName.toString().removeSuffix(".csv") + "-histogram-${elapsed}s.txt"
        Files.writeString(csv.resolveSibling(name), text.lineSequence().take(HISTOGRAM_LINES).joinToString("\n", postfix = "\n"))
    }

    /** Stops sampling after a last sample. */
    override fun close() {
        running = false
        thread.interrupt()
        thread.join(5_000)
        writeHistogram(takeSample())
    }

    private companion object {
        const val HISTOGRAM_LINES = 60
    }
}

package org.boltkt.bench

import com.sun.management.GarbageCollectionNotificationInfo
import java.lang.management.ManagementFactory
import java.lang.management.MemoryType
import javax.management.NotificationEmitter
import javax.management.openmbean.CompositeData

/** Allocation and heap measurements of this JVM (each cell runs in its own forked JVM). */
object Measure {
    private val threads = ManagementFactory.getThreadMXBean() as com.sun.management.ThreadMXBean
    private val heapPools = ManagementFactory.getMemoryPoolMXBeans().filter { it.type == MemoryType.HEAP }
    private val heapPoolNames = heapPools.map { it.name }.toSet()

    @Volatile private var maxAfterGc = 0L

    init {
        for (gc in ManagementFactory.getGarbageCollectorMXBeans()) {
            (gc as? NotificationEmitter)?.addNotificationListener({ n, _ ->
                if (n.type == GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION) {
                    val info = GarbageCollectionNotificationInfo.from(n.userData as CompositeData)
                    val used = info.gcInfo.memoryUsageAfterGc.filterKeys { it in heapPoolNames }.values.sumOf { it.used }
                    if (used > maxAfterGc) maxAfterGc = used
                }
            }, null, null)
        }
    }

    /** Bytes allocated so far by all live threads (threads that ended earlier are not counted). */
    fun allocatedBytes(): Long {
        val ids = threads.allThreadIds
        return threads.getThreadAllocatedBytes(ids).filter { it > 0 }.sum()
    }

    private val os = ManagementFactory.getOperatingSystemMXBean() as com.sun.management.OperatingSystemMXBean

    /** CPU time used by this JVM so far (all threads, including GC and JIT), in nanoseconds. */
    fun processCpuNanos(): Long = os.processCpuTime

    /**
     * CPU time of another process (the real Neo4j server, whose pid the harness passes in `BENCH_SERVER_PID`), in
     * nanoseconds at the OS's accounting resolution (10 ms ticks on Linux); null when not known.
     */
    fun serverCpuNanos(): Long? {
        val pid = System.getenv("BENCH_SERVER_PID")?.toLongOrNull() ?: return null
        return ProcessHandle.of(pid).flatMap { it.info().totalCpuDuration() }.map { it.toNanos() }.orElse(null)
    }

    /** The `server_cpu_ms` metric since [serverCpuNanos] returned [start]; null when either reading is unknown. */
    fun serverCpuMetricSince(start: Long?): Pair<String, Double>? {
        val now = serverCpuNanos() ?: return null
        return start?.let { "server_cpu_ms" to (now - it) / 1e6 }
    }

    /** Starts a peak-heap window. */
    fun resetHeap() {
        heapPools.forEach { it.resetPeakUsage() }
        maxAfterGc = 0
    }

    /** Sum of the heap pools' peak usage since [resetHeap], in bytes. */
    fun peakHeap(): Long = heapPools.sumOf { it.peakUsage.used }

    /** Largest heap in use right after a collection since [resetHeap] (the live set, plus what survived), in bytes. */
    fun maxHeapAfterGc(): Long = maxAfterGc
}

package org.boltkt.bench

import jdk.jfr.Recording
import jdk.jfr.consumer.RecordingFile
import java.nio.file.Files
import java.util.concurrent.Executors

/** The Java workloads J1–J7, each a Java program's idiomatic use of the driver; see benchmarks/README.md. */
val JAVA_WORKLOADS = listOf("J1", "J2", "J3", "J4", "J5", "J6", "J7")

/** The drivers of the J rows: boltkt's Java facade and the official driver. */
val JAVA_DRIVERS = listOf("java", "official")

fun newJavaClient(cell: Cell, sizes: Sizes): JavaBenchClient = when (cell.driver) {
    "java" -> BoltktJavaClient(cell.uri, cell.user, cell.password, sizes.poolSize)
    "official" -> OfficialJavaClient(cell.uri, cell.user, cell.password, sizes.poolSize)
    else -> error("unknown Java driver ${cell.driver}")
}

/**
 * Runs one J cell like [runCell]. J7 runs its threads as virtual threads when this JVM has them (the harness forks
 * J7 cells on JDK 21+) and records `jdk.VirtualThreadPinned` meanwhile: `virtual` is 1 on virtual threads, and
 * `pinned_events` / `pinned_driver_events` count the pinning events in all and those with a driver's frame
 * (boltkt, kotlinx, the official driver, Netty) on their stack.
 */
fun runJavaCell(cell: Cell, sizes: Sizes): Map<String, Double> = newJavaClient(cell, sizes).use { client ->
    if (cell.workload != "J7") return measured(sizes.iterations) { warmUp -> javaIteration(cell, client, sizes, warmUp) }
    val virtual = virtualThreadExecutor()
    val threads = virtual ?: Executors.newFixedThreadPool(sizes.p2Concurrency)
    // Recorded over the measured iterations only: the warm-up's first calls load classes, and a virtual thread
    // loading a class pins its carrier on every JDK (both drivers show such events there, none on their paths after).
    val recording = Recording().apply { enable("jdk.VirtualThreadPinned").withThreshold(java.time.Duration.ZERO).withStackTrace() }
    val m = try {
        measured(sizes.iterations) { warmUp ->
            if (!warmUp && recording.state == jdk.jfr.RecordingState.NEW) recording.start()
            val t = timed { client.onThreads(if (warmUp) sizes.p2Queries / 5 else sizes.p2Queries, sizes.p2Concurrency, threads) }
            mapOf("qps" to (if (warmUp) sizes.p2Queries / 5 else sizes.p2Queries) * 1e9 / t)
        }
    } finally {
        threads.shutdown()
        if (recording.state == jdk.jfr.RecordingState.RUNNING) recording.stop()
    }
    val file = Files.createTempFile("pinned", ".jfr")
    recording.dump(file)
    recording.close()
    val pinned = RecordingFile.readAllEvents(file).filter { it.eventType.name == "jdk.VirtualThreadPinned" }
    Files.delete(file)
    val driverFrames = listOf("org.boltkt.", "kotlinx.coroutines.", "org.neo4j.driver.", "io.netty.")
    val onDriverPaths = pinned.filter { e -> e.stackTrace?.frames.orEmpty().any { f -> driverFrames.any { f.method.type.name.startsWith(it) } } }
    // The stacks go to the cell's stderr (the harness's log), so a count above zero can be traced to its frames.
    onDriverPaths.map { e ->
        (if (e.hasField("pinnedReason")) "${e.getString("pinnedReason")}: " else "") + e.stackTrace.frames.take(12).joinToString(" < ") { "${it.method.type.name}.${it.method.name}:${it.lineNumber}" } }
        .groupingBy { it }.eachCount().forEach { (stack, n) -> System.err.println("[${cell.driver}] pinned x$n: $stack") }
    val byDriver = onDriverPaths.size
    m + mapOf("virtual" to if (virtual != null) 1.0 else 0.0, "pinned_events" to pinned.size.toDouble(), "pinned_driver_events" to byDriver.toDouble())
}

private fun javaIteration(cell: Cell, client: JavaBenchClient, sizes: Sizes, warmUp: Boolean): Map<String, Double> = when (cell.workload) {
    "J1" -> {
        val l = client.sequentialSingle(Queries.RETURN_ONE, sizes.p1Queries).sorted()
        mapOf("p50_us" to l[l.size / 2] / 1e3, "p99_us" to l[(l.size * 99) / 100] / 1e3)
    }
    "J2", "J5" -> {
        val reps = if (warmUp) maxOf(1, sizes.p3Reps / 5) else sizes.p3Reps
        var rows = 0L
        val t = timed { rows = if (cell.workload == "J2") client.iterate(reps) else client.publisher(reps, sizes.jDemand) }
        mapOf("rows_s" to rows * 1e9 / t)
    }
    "J3" -> {
        var rows = 0L
        val t = timed { rows = client.list(sizes.jListReps, if (warmUp) 1 else sizes.jListTimes) }
        mapOf("rows_s" to rows * 1e9 / t)
    }
    "J4" -> {
        val total = if (warmUp) sizes.p2Queries / 5 else sizes.p2Queries
        val t = timed { client.futures(total, sizes.p2Concurrency) }
        mapOf("qps" to total * 1e9 / t)
    }
    "J6" -> {
        val batches = writeBatches(sizes).let { if (warmUp) it.take(2) else it }
        val server0 = Measure.serverCpuNanos()
        val t = timed { client.writeTx(batches) }
        val server = Measure.serverCpuMetricSince(server0)
        if (cell.target == "real") client.execute(Queries.CLEAN_WRITES)
        mapOf("maps_s" to batches.size * sizes.p4BatchSize * 1e9 / t) + listOfNotNull(server)
    }
    else -> error("unknown Java workload ${cell.workload}")
}

package org.boltkt.bench

import org.boltkt.client.transport.TransportKind

/** What one cell of the table runs: a workload, a driver, a server. */
data class Cell(val workload: String, val driver: String, val target: String, val uri: String, val user: String, val password: String) {
    fun args(): List<String> = listOf(workload, driver, target, uri, user, password)

    companion object {
        fun parse(a: List<String>) = Cell(a[0], a[1], a[2], a[3], a[4], a[5])
    }
}

/** Drivers in table order. */
val DRIVERS = listOf("nio", "ktor", "official")

fun newClient(cell: Cell, sizes: Sizes): BenchClient = when (cell.driver) {
    "nio" -> BoltktClient(cell.uri, cell.user, cell.password, TransportKind.NIO, sizes.poolSize)
    // P7's second boltkt cell: the same driver, reading Records and mapping them by hand.
    "nio-record" -> BoltktClient(cell.uri, cell.user, cell.password, TransportKind.NIO, sizes.poolSize)
    "ktor" -> BoltktClient(cell.uri, cell.user, cell.password, TransportKind.KTOR, sizes.poolSize)
    "official" -> OfficialClient(cell.uri, cell.user, cell.password, sizes.poolSize)
    else -> error("unknown driver ${cell.driver}")
}

/**
 * Runs one cell: a warm-up iteration (discarded), then the measured iterations; returns each metric's median over
 * the measured iterations. Every cell also reports `cpu_ms`, this JVM's CPU time per iteration (all threads;
 * on a shared machine a driver that needs less CPU leaves more to the server), and on the real server `server_cpu_ms`, Neo4j's
 * own CPU time per iteration (its process id comes in `BENCH_SERVER_PID`). Metrics: P1 `p50_us`/`p99_us`; P2 `qps`; P3 `rows_s`; P4 `maps_s`; P5 `rows_s`,
 * `alloc_b_per_row`, `peak_heap_mib`, `max_heap_after_gc_mib`; P7 `rows_s`, `alloc_b_per_row`; P8 `maps_s`; RAW `bytes_s`.
 */
fun runCell(cell: Cell, sizes: Sizes): Map<String, Double> {
    if (cell.workload == "RAW") {
        val runs = (0..sizes.iterations).map { RawBolt.readRaw(cell.uri, sizes.p3Reps) }.drop(1)
        return mapOf("bytes_s" to median(runs.map { (bytes, nanos) -> bytes * 1e9 / nanos }))
    }
    if (cell.workload in JAVA_WORKLOADS) return runJavaCell(cell, sizes)
    newClient(cell, sizes).use { client ->
        val iterations = if (cell.workload == "P5") sizes.p5Iterations else sizes.iterations
        return measured(iterations) { warmUp -> iteration(cell, client, sizes, warmUp) }
    }
}

/**
 * One warm-up iteration (discarded), then [iterations] measured ones; each metric's median, plus `cpu_ms` and (on
 * the real server, unless the iteration measured its own) `server_cpu_ms`.
 */
fun measured(iterations: Int, iteration: (warmUp: Boolean) -> Map<String, Double>): Map<String, Double> {
    val samples = (0..iterations).map { k ->
        val cpu0 = Measure.processCpuNanos()
        val server0 = Measure.serverCpuNanos()
        val m = iteration(k == 0)
        val server = Measure.serverCpuMetricSince(server0).takeIf { "server_cpu_ms" !in m } // P4/J6 measure their own
        m + ("cpu_ms" to (Measure.processCpuNanos() - cpu0) / 1e6) + listOfNotNull(server)
    }.drop(1)
    return samples.first().keys.associateWith { key -> median(samples.map { it.getValue(key) }) }
}

/** P4/J6's batches of maps. */
fun writeBatches(sizes: Sizes): List<List<Map<String, Any>>> =
    List(sizes.p4Batches) { b -> List(sizes.p4BatchSize) { k -> mapOf<String, Any>("id" to b * sizes.p4BatchSize + k, "name" to "person-$k", "score" to k * 0.25) } }

private fun iteration(cell: Cell, client: BenchClient, sizes: Sizes, warmUp: Boolean): Map<String, Double> = when (cell.workload) {
    "P1" -> {
        val l = client.latencies(Queries.RETURN_ONE, sizes.p1Queries).sorted()
        mapOf("p50_us" to l[l.size / 2] / 1e3, "p99_us" to l[(l.size * 99) / 100] / 1e3)
    }
    "P2" -> {
        val t = timed { client.concurrent(sizes.p2Queries, sizes.p2Concurrency) }
        mapOf("qps" to sizes.p2Queries * 1e9 / t)
    }
    "P3" -> {
        var rows = 0L
        val t = timed { rows = client.stream(if (warmUp) maxOf(1, sizes.p3Reps / 5) else sizes.p3Reps) }
        mapOf("rows_s" to rows * 1e9 / t)
    }
    "P4" -> {
        val batches = writeBatches(sizes)
        val server0 = Measure.serverCpuNanos()
        val t = timed { client.write(if (warmUp) batches.take(2) else batches) }
        // Taken before the clean-up delete, which is not part of the workload.
        val server = Measure.serverCpuMetricSince(server0)
        if (cell.target == "real") client.execute(Queries.CLEAN_WRITES)
        mapOf("maps_s" to (if (warmUp) minOf(2, batches.size) else batches.size) * sizes.p4BatchSize * 1e9 / t) + listOfNotNull(server)
    }
    "P5" -> {
        val reps = if (warmUp) maxOf(1, sizes.p5Reps / 20) else sizes.p5Reps
        System.gc()
        Measure.resetHeap()
        val a0 = Measure.allocatedBytes()
        var rows = 0L
        val t = timed { rows = client.stream(reps) }
        val alloc = Measure.allocatedBytes() - a0
        mapOf(
            "rows_s" to rows * 1e9 / t,
            "alloc_b_per_row" to alloc.toDouble() / rows,
            "peak_heap_mib" to Measure.peakHeap() / MIB,
            "max_heap_after_gc_mib" to Measure.maxHeapAfterGc() / MIB,
        )
    }
    "P7" -> {
        val reps = if (warmUp) maxOf(1, sizes.p3Reps / 5) else sizes.p3Reps
        System.gc()
        val a0 = Measure.allocatedBytes()
        var rows = 0L
        val t = timed { rows = if (cell.driver == "nio-record") client.streamHandMapped(reps) else client.streamTyped(reps) }
        val alloc = Measure.allocatedBytes() - a0
        mapOf("rows_s" to rows * 1e9 / t, "alloc_b_per_row" to alloc.toDouble() / rows)
    }
    "P8" -> {
        // Built outside the timing, like P4's maps: the official driver gets P4's maps, boltkt the same rows as objects.
        val official = cell.driver == "official"
        val maps = if (official) writeBatches(sizes).let { if (warmUp) it.take(2) else it } else emptyList()
        val objects = if (official) emptyList() else writeObjectBatches(sizes).let { if (warmUp) it.take(2) else it }
        val server0 = Measure.serverCpuNanos()
        val t = timed { if (official) client.write(maps) else client.writeObjects(objects) }
        val server = Measure.serverCpuMetricSince(server0)
        if (cell.target == "real") client.execute(Queries.CLEAN_WRITES)
        mapOf("maps_s" to (if (official) maps.size else objects.size) * sizes.p4BatchSize * 1e9 / t) + listOfNotNull(server)
    }
    else -> error("unknown workload ${cell.workload}")
}

private const val MIB = 1024.0 * 1024.0

internal inline fun timed(block: () -> Unit): Long {
    val t0 = System.nanoTime()
    block()
    return System.nanoTime() - t0
}

fun median(xs: List<Double>): Double {
    val s = xs.sorted()
    return if (s.size % 2 == 1) s[s.size / 2] else (s[s.size / 2 - 1] + s[s.size / 2]) / 2
}

/** Entry point of a forked cell JVM: `<smoke|full> <iterations, 0 for the default> <scale> workload driver target uri user password`; prints one RESULT line. */
object Worker {
    @JvmStatic
    fun main(args: Array<String>) {
        val sizes = Options.sizesOf(args[0] == "smoke", args[1].toInt(), args[2].toDouble())
        val cell = Cell.parse(args.drop(3))
        val metrics = runCell(cell, sizes)
        println("RESULT " + metrics.entries.joinToString(" ") { "${it.key}=${it.value}" })
        System.out.flush()
        // exit, not return: don't wait for drivers' lingering non-daemon threads; shutdown hooks still dump JFR.
        kotlin.system.exitProcess(0)
    }
}

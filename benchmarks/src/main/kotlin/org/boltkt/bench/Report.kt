package org.boltkt.bench

/**
 * Renders the results as a Markdown table: one row per metric, each driver's median, and boltkt/official ratios.
 * For latency, allocation and heap rows lower is better; for rates higher is better (the "better" column says which).
 */
class Report(
    private val results: Map<Pair<String, String>, Map<String, Map<String, Double>>>,
    private val bytesPerRecord: Double,
    private val drivers: List<String>,
) {
    private data class Row(val workload: String, val target: String, val metric: String, val higherIsBetter: Boolean, val goal: String)

    private val rows = listOf(
        Row("P1", "real", "p50_us", false, "<= 0.75"), Row("P1", "real", "p99_us", false, ""),
        Row("P1", "replay", "p50_us", false, "<= 0.75"), Row("P1", "replay", "p99_us", false, ""),
        Row("P2", "real", "qps", true, ">= 1.3"), Row("P2", "replay", "qps", true, ">= 1.3"),
        Row("P3", "real", "rows_s", true, ">= 1.0"), Row("P3", "replay", "rows_s", true, ">= 2"),
        Row("P4", "real", "maps_s", true, ">= 1.5"), Row("P4", "replay", "maps_s", true, ">= 1.5"),
        Row("P5", "replay", "alloc_b_per_row", false, "<= 0.5"),
        Row("P5", "replay", "max_heap_after_gc_mib", false, "boltkt < 64 MiB"),
        Row("P5", "replay", "peak_heap_mib", false, ""),
        Row("P5", "replay", "rows_s", true, ""),
    )

    // Client CPU per iteration (whole cell JVM): on 2 shared cores the server and the driver compete for it.
    private val cpuRows = listOf("P1", "P2", "P3", "P4").let { timed ->
        timed.flatMap { w -> listOf("real", "replay").map { t -> Row(w, t, "cpu_ms", false, "") } } +
            // Neo4j's own CPU per iteration, measured from each cell: what the server spends on the same work per driver.
            timed.map { w -> Row(w, "real", "server_cpu_ms", false, "") }
    }

    fun markdown(): String {
        val boltkt = drivers.filter { it != "official" }
        val sb = StringBuilder()
        sb.append("| workload | server | metric | better | ").append(drivers.joinToString(" | "))
        boltkt.forEach { sb.append(" | $it/official") }
        sb.append(" | goal |\n|").append("---|".repeat(4 + drivers.size + boltkt.size + 1)).append('\n')
        for (r in rows + cpuRows) {
            val byDriver = results[r.workload to r.target] ?: continue
            val values = drivers.map { byDriver[it]?.get(r.metric) }
            line(sb, r.workload, r.target, r.metric, r.higherIsBetter, values, boltkt.map { ratio(byDriver[it]?.get(r.metric), byDriver["official"]?.get(r.metric)) }, r.goal)
        }
        val raw = results["RAW" to "replay"]?.get("raw")?.get("bytes_s")
        val p3 = results["P3" to "replay"]
        if (raw != null && p3 != null) {
            val shares = drivers.map { d -> p3[d]?.get("rows_s")?.let { it * bytesPerRecord / raw * 100 } }
            line(sb, "P6", "replay", "% of raw read (${fmt(raw / 1e6)} MB/s)", true, shares,
                boltkt.map { ratio(shares[drivers.indexOf(it)], shares[drivers.indexOf("official")]) }, "boltkt >= 50 %")
        }
        return sb.toString()
    }

    private fun line(sb: StringBuilder, w: String, t: String, m: String, higher: Boolean, values: List<Double?>, ratios: List<Double?>, goal: String) {
        sb.append("| $w | $t | $m | ${if (higher) "higher" else "lower"} | ")
        sb.append(values.joinToString(" | ") { it?.let(::fmt) ?: "-" })
        ratios.forEach { sb.append(" | ").append(it?.let { r -> "%.2f".format(r) } ?: "-") }
        sb.append(" | $goal |\n")
    }

    private fun ratio(a: Double?, b: Double?): Double? = if (a == null || b == null || b == 0.0) null else a / b

    private fun fmt(v: Double): String = when {
        v >= 100_000 -> "%,.0f".format(v)
        v >= 100 -> "%.0f".format(v)
        else -> "%.1f".format(v)
    }
}

package org.boltkt.bench

/**
 * Renders the results as Markdown tables: one row per metric, each driver's value (median over rounds of the
 * cells' medians) and each boltkt/official ratio as the median of the per-round ratios with their min–max. A goal
 * counts as met only when the unfavourable end of the spread meets it (the "met" column). For latency, CPU,
 * allocation and heap rows lower is better; for rates higher is better (the "better" column says which).
 */
class Report(
    private val results: Map<Pair<String, String>, Map<String, List<Map<String, Double>>>>,
    private val bytesPerRecord: Double,
) {
    private data class Row(val workload: String, val target: String, val metric: String, val higherIsBetter: Boolean, val goal: String = "")

    private val rows = listOf(
        Row("P1", "real", "p50_us", false, "<= 0.75"), Row("P1", "real", "p99_us", false),
        Row("P1", "replay", "p50_us", false, "<= 0.75"), Row("P1", "replay", "p99_us", false),
        Row("P2", "real", "qps", true, ">= 1.3"), Row("P2", "replay", "qps", true, ">= 1.3"),
        Row("P3", "real", "rows_s", true, ">= 1.0"), Row("P3", "replay", "rows_s", true, ">= 2"),
        Row("P4", "real", "maps_s", true, ">= 1.5"), Row("P4", "replay", "maps_s", true, ">= 1.5"),
        Row("P5", "replay", "alloc_b_per_row", false, "<= 0.5"),
        Row("P5", "replay", "max_heap_after_gc_mib", false, "boltkt < 64 MiB"),
        Row("P5", "replay", "peak_heap_mib", false),
        Row("P5", "replay", "rows_s", true),
    )

    // Client CPU per iteration (whole cell JVM): on 2 shared cores the server and the driver compete for it.
    private val cpuRows = listOf("P1", "P2", "P3", "P4").let { timed ->
        timed.flatMap { w -> listOf("real", "replay").map { t -> Row(w, t, "cpu_ms", false) } } +
            // Neo4j's own CPU per iteration, measured from each cell: what the server spends on the same work per driver.
            timed.map { w -> Row(w, "real", "server_cpu_ms", false) }
    }

    // The Java workloads: every one >= 1.0x on the real server; blocking iteration (J2) >= 1.3x real, >= 2x replay.
    private val javaRows = listOf("real", "replay").flatMap { t ->
        val real = t == "real"
        listOf(
            Row("J1", t, "p50_us", false, if (real) "<= 1.0" else ""), Row("J1", t, "p99_us", false),
            Row("J2", t, "rows_s", true, if (real) ">= 1.3" else ">= 2"),
            Row("J3", t, "rows_s", true, if (real) ">= 1.0" else ""),
            Row("J4", t, "qps", true, if (real) ">= 1.0" else ""),
            Row("J5", t, "rows_s", true, if (real) ">= 1.0" else ""),
            Row("J6", t, "maps_s", true, if (real) ">= 1.0" else ""),
            Row("J7", t, "qps", true, if (real) ">= 1.0" else ""),
        )
    }.sortedBy { it.workload } + JAVA_WORKLOADS.flatMap { w -> listOf("real", "replay").map { t -> Row(w, t, "cpu_ms", false) } } +
        listOf("real", "replay").flatMap { t -> listOf(Row("J7", t, "pinned_driver_events", false), Row("J7", t, "pinned_events", false)) }

    /** The P table for [drivers] (boltkt's transports and `official`). */
    fun markdown(drivers: List<String>): String {
        val sb = header(drivers)
        for (r in rows + cpuRows) row(sb, r, drivers)
        val raw = results["RAW" to "replay"]?.get("raw")?.map { it.getValue("bytes_s") }
        val p3 = results["P3" to "replay"]
        if (raw != null && p3 != null) {
            // P6 per round: each driver's P3 replay rate in bytes/s as a share of that round's raw read.
            val shares = drivers.associateWith { d -> p3[d]?.mapIndexedNotNull { k, m -> raw.getOrNull(k)?.let { m.getValue("rows_s") * bytesPerRecord / it * 100 } } }
            line(sb, Row("P6", "replay", "% of raw read (${fmt(median(raw) / 1e6)} MB/s)", true, "boltkt >= 50 %"), drivers, shares)
        }
        return sb.toString()
    }

    /** The J table: boltkt's Java facade (`java`) against the official driver's matching Java API. */
    fun javaMarkdown(): String {
        val sb = header(JAVA_DRIVERS)
        for (r in javaRows) row(sb, r, JAVA_DRIVERS)
        return sb.toString()
    }

    // The typed workloads (issue 19): P7 maps the P3 rows into classes (boltkt typed `nio`, boltkt Record + hand
    // mapping `nio-record`, official `Record.as(Class)`), P8 writes P4's rows as objects (official: maps).
    private val typedRows = listOf(
        Row("P7", "real", "rows_s", true, ">= 1.2"), Row("P7", "replay", "rows_s", true, ">= 3"),
        Row("P7", "replay", "alloc_b_per_row", false, "<= 0.35"), Row("P7", "real", "alloc_b_per_row", false),
        Row("P8", "real", "maps_s", true), Row("P8", "replay", "maps_s", true, ">= 2"),
    ) + listOf("P7", "P8").flatMap { w -> listOf("real", "replay").map { t -> Row(w, t, "cpu_ms", false) } } +
        listOf(Row("P8", "real", "server_cpu_ms", false))

    /**
     * The typed table for [drivers] (`nio`, `nio-record`, `official`): the usual rows against the official driver,
     * then boltkt's typed path against its own Record path (goal >= 1.5 on replay) and P6 for the typed path (the
     * P7 replay rate in bytes/s as a share of the raw read; goal >= 25 %).
     */
    fun typedMarkdown(drivers: List<String>): String {
        val sb = header(drivers)
        for (r in typedRows) row(sb, r, drivers)
        for (t in listOf("real", "replay")) {
            val p7 = results["P7" to t] ?: continue
            val s = ratios(p7["nio"]?.map { it.getValue("rows_s") }, p7["nio-record"]?.map { it.getValue("rows_s") })
            if (s.isEmpty()) continue
            val goal = if (t == "replay") ">= 1.5" else ""
            val met = if (goal.isEmpty()) "" else if (s.min() >= 1.5) "yes" else "no"
            sb.append("| P7 | $t | rows_s, typed / Record path (nio / nio-record) | higher | %.2f (%.2f–%.2f) | $goal | $met |\n".format(median(s), s.min(), s.max()))
        }
        val raw = results["RAW" to "replay"]?.get("raw")?.map { it.getValue("bytes_s") }
        val p7 = results["P7" to "replay"]
        if (raw != null && p7 != null) {
            val shares = drivers.associateWith { d -> p7[d]?.mapIndexedNotNull { k, m -> raw.getOrNull(k)?.let { m.getValue("rows_s") * bytesPerRecord / it * 100 } } }
            line(sb, Row("P6 (P7 rows)", "replay", "% of raw read (${fmt(median(raw) / 1e6)} MB/s)", true, "typed >= 25 %"), drivers, shares)
        }
        return sb.toString()
    }

    private fun header(drivers: List<String>): StringBuilder {
        val boltkt = drivers.filter { it != "official" }
        val sb = StringBuilder()
        sb.append("| workload | server | metric | better | ").append(drivers.joinToString(" | "))
        boltkt.forEach { sb.append(" | $it/official (min–max)") }
        sb.append(" | goal | met |\n|").append("---|".repeat(4 + drivers.size + boltkt.size + 2)).append('\n')
        return sb
    }

    private fun row(sb: StringBuilder, r: Row, drivers: List<String>) {
        val byDriver = results[r.workload to r.target] ?: return
        if (byDriver.values.none { rounds -> rounds.any { r.metric in it } }) return
        line(sb, r, drivers, drivers.associateWith { d -> byDriver[d]?.mapNotNull { it[r.metric] } })
    }

    private fun line(sb: StringBuilder, r: Row, drivers: List<String>, perRound: Map<String, List<Double>?>) {
        val boltkt = drivers.filter { it != "official" }
        sb.append("| ${r.workload} | ${r.target} | ${r.metric} | ${if (r.higherIsBetter) "higher" else "lower"} | ")
        sb.append(drivers.joinToString(" | ") { d -> perRound[d]?.takeIf { it.isNotEmpty() }?.let { fmt(median(it)) } ?: "-" })
        val spreads = boltkt.map { d -> ratios(perRound[d], perRound["official"]) }
        spreads.forEach { s -> sb.append(" | ").append(if (s.isEmpty()) "-" else "%.2f (%.2f–%.2f)".format(median(s), s.min(), s.max())) }
        val met = spreads.firstOrNull()?.takeIf { it.isNotEmpty() && r.goal.isNotEmpty() }?.let { s -> meets(r, s) }
        sb.append(" | ${r.goal} | ${when (met) { null -> "" ; true -> "yes" ; false -> "no" }} |\n")
    }

    /** Per-round ratios: round k of the boltkt driver against round k of the official driver. */
    private fun ratios(a: List<Double>?, b: List<Double>?): List<Double> =
        if (a == null || b == null) emptyList() else a.zip(b).filter { it.second != 0.0 }.map { it.first / it.second }

    /** The goal of [r] ("<= x" or ">= x") at the unfavourable end of the per-round ratios [s]; null for other goals. */
    private fun meets(r: Row, s: List<Double>): Boolean? {
        val (op, bound) = r.goal.split(' ').takeIf { it.size == 2 }?.let { it[0] to (it[1].toDoubleOrNull() ?: return null) } ?: return null
        return when (op) {
            ">=" -> s.min() >= bound
            "<=" -> s.max() <= bound
            else -> null
        }
    }

    private fun fmt(v: Double): String = when {
        v >= 100_000 -> "%,.0f".format(v)
        v >= 100 -> "%.0f".format(v)
        else -> "%.1f".format(v)
    }
}

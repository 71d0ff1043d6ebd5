package org.boltkt.bench

import org.boltkt.client.transport.TransportKind
import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jServers
import org.boltkt.testsupport.neo4j.Neo4jVersion
import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.util.concurrent.TimeUnit

/** Command-line options of the harness; see benchmarks/README.md. */
data class Options(
    val smoke: Boolean = false,
    val real: Boolean = true,
    val inProcess: Boolean = false,
    val only: Set<String> = setOf("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8") + JAVA_WORKLOADS,
    val drivers: List<String> = DRIVERS,
    val jvmFlags: List<String> = DEFAULT_JVM_FLAGS,
    val jfr: Boolean = false,
    val serverWarmUp: Boolean = true,
    /**
     * Each round on its own freshly started Neo4j (warmed up again), so that the rounds' spread includes how much one
     * server instance differs from the next; false keeps one server for the whole run.
     */
    val serverPerRound: Boolean = true,
    /**
     * On the real server each round measures the drivers in mirrored order (A B B A) and averages each driver's
     * two cells, so a server still getting faster (or slower) during the round favours no driver.
     */
    val mirrored: Boolean = true,
    /** Rounds over every cell; drivers alternate their order from round to round. */
    val rounds: Int = 3,
    /** Measured iterations per cell (P5 keeps its own), null for the sizes' default. */
    val iterations: Int? = null,
    /** Multiplies every workload's amount of work (see [Sizes.scaled]). */
    val scale: Double = 1.0,
    /** The JDK 21+ `java` the J7 (virtual threads) cells run on. */
    val virtualThreadJava: String = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java",
    val out: Path = Path.of("benchmarks/target/bench-results.md"),
) {
    /** The sizes this run uses: smoke or full, with `--iterations` and `--scale` applied. */
    fun sizes(): Sizes = sizesOf(smoke, iterations ?: 0, scale)

    companion object {
        /** Smoke or full sizes, [iterations] measured iterations (0: the default), work times [scale]. */
        fun sizesOf(smoke: Boolean, iterations: Int, scale: Double): Sizes =
            (if (smoke) Sizes.SMOKE else Sizes.FULL).scaled(scale).let { s -> if (iterations > 0) s.copy(iterations = iterations) else s }

        val DEFAULT_JVM_FLAGS = listOf("-Xms256m", "-Xmx256m", "-XX:+UseG1GC")

        fun parse(args: Array<String>): Options {
            var o = Options()
            var i = 0
            while (i < args.size) {
                when (val a = args[i++]) {
                    "--smoke" -> o = o.copy(smoke = true)
                    "--no-real" -> o = o.copy(real = false)
                    "--in-process" -> o = o.copy(inProcess = true)
                    "--only" -> o = o.copy(only = args[i++].split(',').toSet())
                    "--drivers" -> o = o.copy(drivers = args[i++].split(','))
                    "--jvm-flags" -> o = o.copy(jvmFlags = args[i++].split(' ').filter { it.isNotBlank() })
                    "--jfr" -> o = o.copy(jfr = true)
                    "--no-server-warmup" -> o = o.copy(serverWarmUp = false)
                    "--one-server" -> o = o.copy(serverPerRound = false)
                    "--no-mirror" -> o = o.copy(mirrored = false)
                    "--rounds" -> o = o.copy(rounds = args[i++].toInt())
                    "--iterations" -> o = o.copy(iterations = args[i++].toInt())
                    "--scale" -> o = o.copy(scale = args[i++].toDouble())
                    "--vt-java" -> o = o.copy(virtualThreadJava = args[i++])
                    "--out" -> o = o.copy(out = Path.of(args[i++]))
                    else -> error("unknown option $a (see benchmarks/README.md)")
                }
            }
            return o
        }
    }
}

/**
 * The end-to-end harness: starts real Neo4j 5.26 (unless `--no-real`) and the replay server, runs every cell in
 * its own forked JVM with the same flags, and prints the table of boltkt/official ratios.
 */
object Main {
    /** The real server's process id, for the cells' `server_cpu_ms`. */
    private var serverPid: Long? = null

    @JvmStatic
    fun main(args: Array<String>) {
        val table = run(Options.parse(args))
        println(table)
        Runtime.getRuntime().halt(0)
    }

    fun run(o: Options): String {
        val sizes = o.sizes()
        val started = Instant.now()
        val log = { s: String -> System.err.println("[bench ${Instant.now()}] $s") }
        val first = if (o.real) Neo4jServers.get(Neo4jVersion.LTS_5_26).also { log("real server: $it") } else null
        var real = first
        serverPid = first?.pid
        val block = if (first != null) {
            prepareRealData(first.boltUri.toString(), first.user, first.password)
            RawBolt.record(first.boltUri.toString(), first.user, first.password)
        } else {
            RecordBlock.generated()
        }
        log("record block: ${block.count} rows, ${"%.1f".format(block.bytesPerRecord)} bytes per record, ${block.source}")
        // (workload, target) -> driver -> one cell's metrics per round
        val results = LinkedHashMap<Pair<String, String>, MutableMap<String, MutableList<Map<String, Double>>>>()
        ReplayServer(block).use { replay ->
            for (round in 1..o.rounds) {
                log("round $round of ${o.rounds}")
                if (round > 1 && o.serverPerRound) real = real?.let { freshServer(it, log) }
                val targets = buildList {
                    real?.let { add(Triple("real", it.boltUri.toString(), it.user to it.password)) }
                    add(Triple("replay", replay.uri, "neo4j" to "replay"))
                }
                for (w in listOf("P1", "P2", "P3", "P4", "P5", "P7", "P8") + JAVA_WORKLOADS) {
                    if (w !in o.only && !(w == "P3" && "P6" in o.only)) continue
                    val drivers = when (w) {
                        in JAVA_WORKLOADS -> JAVA_DRIVERS
                        in TYPED_WORKLOADS -> typedDrivers(w, o.drivers)
                        else -> o.drivers
                    }.let { if (round % 2 == 0) it.reversed() else it }
                    for ((target, uri, cred) in targets) {
                        if (w == "P5" && target != "replay") continue
                        val cellOf = { d: String -> Cell(w, d, target, uri, cred.first, cred.second) }
                        if (target == "real" && o.serverWarmUp && (round == 1 || o.serverPerRound)) {
                            // The first measured cells must not pay for warming Neo4j's own JIT and caches: one
                            // unmeasured cell of every driver warms the server on each driver's own requests (one
                            // cell of one driver was not enough: the server still spent twice the CPU on the first
                            // measured cell). With one server for all rounds, later rounds find it warm.
                            for (d in drivers) {
                                log("server warm-up for $w with $d (not measured):")
                                runCellSomewhere(cellOf(d), o.copy(jfr = false), sizes, log)
                            }
                        }
                        val order = if (target == "real" && o.mirrored) drivers + drivers.reversed() else drivers
                        val cells = order.map { d -> d to runCellSomewhere(cellOf(d), o, sizes, log) }
                        for (d in drivers) {
                            val m = meanOfCells(cells.filter { it.first == d }.map { it.second })
                            results.getOrPut(w to target) { LinkedHashMap() }.getOrPut(d) { ArrayList() } += m
                        }
                    }
                }
                if ("P6" in o.only || "P7" in o.only) {
                    val cell = Cell("RAW", "raw", "replay", replay.uri, "neo4j", "replay")
                    results.getOrPut("RAW" to "replay") { LinkedHashMap() }.getOrPut("raw") { ArrayList() } += runCellSomewhere(cell, o, sizes, log)
                }
            }
        }
        val report = Report(results, block.bytesPerRecord)
        val table = report.markdown(o.drivers) + "\n" + report.javaMarkdown() + "\n" + report.typedMarkdown(typedDrivers("P7", o.drivers))
        val servers = (if (!o.real) "" else if (o.serverPerRound) ", each round on a freshly started Neo4j" else ", one Neo4j for all rounds") +
            (if (o.real && o.mirrored) ", real-server cells in mirrored order A B B A within a round, each driver's two cells averaged" else "")
        val header = "Run ${started} (${if (o.smoke) "smoke" else "full"}), ${o.rounds} rounds (drivers' order alternating$servers), ${sizes.describe()}; " +
            "cell JVM flags: ${o.jvmFlags.joinToString(" ")}; J7 on ${o.virtualThreadJava}; records: ${block.source}, ${"%.1f".format(block.bytesPerRecord)} B/record. " +
            "Each value is the median over rounds of the cells' medians; each ratio is the median of the per-round ratios with their min–max.\n\n"
        Files.createDirectories(o.out.toAbsolutePath().parent)
        Files.writeString(o.out, header + table + "\n")
        log("table written to ${o.out.toAbsolutePath()}")
        return header + table
    }

    /** Each metric's mean over one driver's cells of a round (two with the mirrored order, else one). */
    private fun meanOfCells(cells: List<Map<String, Double>>): Map<String, Double> =
        cells.first().keys.associateWith { k -> cells.mapNotNull { it[k] }.average() }

    /** Stops [old] and starts a server of the same spec, with the benchmark's data, for the next round. */
    private fun freshServer(old: Neo4jServer, log: (String) -> Unit): Neo4jServer {
        old.stop()
        val fresh = Neo4jServers.startPrivate(old.spec)
        prepareRealData(fresh.boltUri.toString(), fresh.user, fresh.password)
        serverPid = fresh.pid
        log("fresh real server for this round: $fresh (pid ${fresh.pid})")
        return fresh
    }

    private fun prepareRealData(uri: String, user: String, password: String) {
        BoltktClient(uri, user, password, TransportKind.NIO, 2).use { c ->
            c.execute(Queries.CLEAN_WRITES)
            c.execute(Queries.DROP_NODES)
            c.execute(Queries.SETUP_NODES)
        }
    }

    private fun runCellSomewhere(cell: Cell, o: Options, sizes: Sizes, log: (String) -> Unit): Map<String, Double> {
        log("cell ${cell.workload} ${cell.target} ${cell.driver} ...")
        val m = if (o.inProcess) runCell(cell, sizes) else fork(cell, o)
        log("cell ${cell.workload} ${cell.target} ${cell.driver}: $m")
        return m
    }

    private fun fork(cell: Cell, o: Options): Map<String, Double> {
        val java = if (cell.workload == "J7" && File(o.virtualThreadJava).canExecute()) o.virtualThreadJava
        else Path.of(System.getProperty("java.home"), "bin", "java").toString()
        val jfr = if (o.jfr) {
            val dir = File("benchmarks/target/jfr").apply { mkdirs() }
            listOf("-XX:StartFlightRecording=filename=${dir.absolutePath}/${cell.workload}-${cell.target}-${cell.driver}.jfr,settings=profile")
        } else {
            emptyList()
        }
        val cmd = listOf(java) + o.jvmFlags + jfr + listOf("-cp", System.getProperty("java.class.path"), Worker::class.java.name) +
            listOf(if (o.smoke) "smoke" else "full", (o.iterations ?: 0).toString(), o.scale.toString()) + cell.args()
        val pb = ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT)
        if (cell.target == "real") serverPid?.let { pb.environment()["BENCH_SERVER_PID"] = it.toString() }
        val p = pb.start()
        val lines = p.inputStream.bufferedReader().readLines()
        check(p.waitFor(30, TimeUnit.MINUTES) && p.exitValue() == 0) { "cell $cell failed (exit ${p.exitValue()}): $lines" }
        val result = lines.lastOrNull { it.startsWith("RESULT ") } ?: error("cell $cell printed no RESULT: $lines")
        return result.removePrefix("RESULT ").split(' ').associate { kv -> kv.substringBefore('=') to kv.substringAfter('=').toDouble() }
    }
}

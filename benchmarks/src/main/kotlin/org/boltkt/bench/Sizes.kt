package org.boltkt.bench

/** How big each workload runs; [FULL] keeps the documented run around 20 minutes on 2 cores, [SMOKE] takes seconds. */
data class Sizes(
    val iterations: Int,
    val p1Queries: Int,
    val p2Queries: Int,
    val p2Concurrency: Int,
    val poolSize: Int,
    val p3Reps: Long,
    val p4Batches: Int,
    val p4BatchSize: Int,
    val p5Reps: Long,
    val p5Iterations: Int,
    /** J3: rows per `list()` are `jListReps * 1000`, [jListTimes] lists per iteration (each held in memory whole). */
    val jListReps: Long = 100,
    val jListTimes: Int = 5,
    /** J5: records requested at a time from the `Flow.Publisher`. */
    val jDemand: Long = 1000,
) {
    fun describe(): String =
        "$iterations measured iterations after one warm-up iteration per cell (P5: $p5Iterations); P1 $p1Queries queries per iteration; " +
            "P2 $p2Queries queries, $p2Concurrency in flight, pool $poolSize; P3 ${p3Reps * Queries.ROWS_PER_REP} rows; " +
            "P4 $p4Batches x $p4BatchSize maps; P5 ${p5Reps * Queries.ROWS_PER_REP} rows; J1 as P1, J2/J5 as P3 (J5 demand $jDemand), " +
            "J3 $jListTimes lists of ${jListReps * Queries.ROWS_PER_REP} rows, J4/J7 as P2 (J7: $p2Concurrency threads), J6 as P4"

    /** Every workload's amount of work times [f] (at least one unit each); iterations and concurrency unchanged. */
    fun scaled(f: Double): Sizes = if (f == 1.0) this else copy(
        p1Queries = maxOf(1, (p1Queries * f).toInt()), p2Queries = maxOf(p2Concurrency, (p2Queries * f).toInt()),
        p3Reps = maxOf(1L, (p3Reps * f).toLong()), p4Batches = maxOf(2, (p4Batches * f).toInt()),
        p5Reps = maxOf(1L, (p5Reps * f).toLong()), jListTimes = maxOf(1, (jListTimes * f).toInt()),
    )

    companion object {
        val FULL = Sizes(
            iterations = 5, p1Queries = 2000, p2Queries = 20_000, p2Concurrency = 200, poolSize = 100,
            p3Reps = 1000, p4Batches = 10, p4BatchSize = 10_000, p5Reps = 10_000, p5Iterations = 3,
        )
        val SMOKE = Sizes(
            iterations = 1, p1Queries = 50, p2Queries = 400, p2Concurrency = 200, poolSize = 100,
            p3Reps = 5, p4Batches = 2, p4BatchSize = 500, p5Reps = 10, p5Iterations = 1, jListReps = 2, jListTimes = 2, jDemand = 100,
        )
    }
}

package org.boltkt.bench

/**
 * One driver under test, behind the same blocking entry points so every workload runs identically. Each method
 * does the whole workload step the driver's idiomatic way (coroutines for boltkt, sync or async API for the
 * official driver) and touches the values it reads so lazy decoding cannot skip work.
 */
interface BenchClient : AutoCloseable {
    /** P1: [n] sequential auto-commit queries, one session each; the latency of each in nanoseconds. */
    fun latencies(query: String, n: Int): LongArray

    /** P2: [total] small auto-commit queries with [concurrency] in flight at any time. */
    fun concurrent(total: Int, concurrency: Int)

    /** P3/P5: runs [Queries.STREAM] (or [query]) with `reps` and consumes every row; returns the row count. */
    fun stream(reps: Long, query: String = Queries.STREAM): Long

    /** P4: one write transaction per batch running [Queries.WRITE]. */
    fun write(batches: List<List<Map<String, Any>>>)

    /**
     * P7: runs [Queries.STREAM] with `reps` and maps every row into a [StreamRow] the driver's own object-mapping
     * way (boltkt: typed results decoded from the bytes; official: `Record.as(Class)`); returns the row count.
     */
    fun streamTyped(reps: Long): Long

    /** P7, boltkt's `Record` path: every row read as a `Record` and mapped by hand ([handMapped]). */
    fun streamHandMapped(reps: Long): Long = throw UnsupportedOperationException("only boltkt has the Record + hand mapping cell")

    /** P8: [Queries.WRITE] with the batch given as objects (boltkt: `parametersOf`); the official driver has no such API. */
    fun writeObjects(batches: List<List<WriteRow>>): Unit = throw UnsupportedOperationException("only boltkt sends objects as parameters")

    /** Runs a query outside any timing (setup, cleanup) and consumes its result. */
    fun execute(query: String)
}

package org.boltkt.bench

import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.Flow

/**
 * One driver under test through the API a Java program uses (boltkt's `java-interop` facade or the official
 * driver's matching API), for the J workloads. Every method does one whole workload step and touches the values it
 * reads so lazy decoding cannot skip work.
 */
interface JavaBenchClient : AutoCloseable {
    /** J1: [n] sequential blocking `run(query).single()`, one session each; the latency of each in nanoseconds. */
    fun sequentialSingle(query: String, n: Int): LongArray

    /** J2: blocking `hasNext()`/`next()` over [Queries.STREAM] with `reps`; the row count. */
    fun iterate(reps: Long): Long

    /** J3: blocking `list()` of [Queries.STREAM] with `reps`, [times] queries in one session; the row count. */
    fun list(reps: Long, times: Int): Long

    /** J4: [total] `RETURN $i` through `CompletableFuture`s, [concurrency] chains in flight. */
    fun futures(total: Int, concurrency: Int)

    /** J5: [Queries.STREAM] through a `Flow.Publisher`, requesting [demand] records at a time; the row count. */
    fun publisher(reps: Long, demand: Long): Long

    /** J6: one blocking `executeWrite` per batch running [Queries.WRITE]. */
    fun writeTx(batches: List<List<Map<String, Any>>>)

    /** J7: [total] blocking `run($i).single()` spread over [concurrency] threads from [threads]. */
    fun onThreads(total: Int, concurrency: Int, threads: ExecutorService)

    /** Runs a query outside any timing (clean-up) and consumes its result. */
    fun execute(query: String)
}

/** A virtual thread per task where the JDK has them (21+); null on older JDKs. */
fun virtualThreadExecutor(): ExecutorService? = runCatching {
    Executors::class.java.getMethod("newVirtualThreadPerTaskExecutor").invoke(null) as ExecutorService
}.getOrNull()

/** [concurrency] workers on [threads], each running its share of [total] steps in order; waits for all. */
fun spread(total: Int, concurrency: Int, threads: ExecutorService, step: (Int) -> Unit) {
    val workers = (0 until concurrency).map { worker ->
        threads.submit { var k = worker; while (k < total) { step(k); k += concurrency } }
    }
    workers.forEach { it.get() }
}

/**
 * Reads a publisher of records to its end, requesting [demand] at a time (the next batch once the previous one
 * arrived), and applies [touch] to each; [await] returns the count or throws the publisher's error.
 */
class DemandSubscriber<T>(private val demand: Long, private val touch: (T) -> Unit) : Flow.Subscriber<T> {
    private val done = java.util.concurrent.CompletableFuture<Long>()
    private lateinit var subscription: Flow.Subscription
    private var count = 0L
    private var outstanding = 0L

    override fun onSubscribe(s: Flow.Subscription) { subscription = s; outstanding = demand; s.request(demand) }
    override fun onNext(item: T) {
        touch(item)
        count++
        if (--outstanding == 0L) { outstanding = demand; subscription.request(demand) }
    }
    override fun onError(t: Throwable) { done.completeExceptionally(t) }
    override fun onComplete() { done.complete(count) }

    fun await(): Long = done.join()
}

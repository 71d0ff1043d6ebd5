package org.boltkt.bench

import org.boltkt.javainterop.AsyncResultCursor
import org.boltkt.javainterop.JavaAuthTokens
import org.boltkt.javainterop.JavaDriver
import org.boltkt.javainterop.JavaDriverConfig
import org.boltkt.javainterop.JavaRecord
import org.boltkt.javainterop.JavaSessionConfig
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutorService

/** boltkt through its Java facade (`java-interop`, default NIO transport), called the way a Java program calls it. */
class BoltktJavaClient(uri: String, user: String, password: String, poolSize: Int) : JavaBenchClient {
    private val driver = JavaDriver.create(uri, JavaAuthTokens.basic(user, password), JavaDriverConfig.builder().withMaxConnectionPoolSize(poolSize)
            .withFetchAhead(System.getenv("BENCH_FETCH_AHEAD") != "false") // A/B of the fetch-ahead PULL (default on)
            // A/B of the PULL sizes (defaults: 1000, growing to 8×)
            .apply { System.getenv("BENCH_FETCH_SIZE")?.let { withFetchSize(it.toLong()) } }
            .apply { System.getenv("BENCH_FETCH_SIZE_GROWTH")?.let { withFetchSizeGrowth(it.toInt()) } }.build())

    private val sessionConfig: JavaSessionConfig =
        System.getenv("BENCH_DATABASE")?.let { JavaSessionConfig.forDatabase(it) } ?: JavaSessionConfig.defaults()

    private fun session() = driver.session(sessionConfig)

    override fun sequentialSingle(query: String, n: Int): LongArray = LongArray(n) {
        val t0 = System.nanoTime()
        session().use { s -> s.run(query).single() }
        System.nanoTime() - t0
    }

    override fun iterate(reps: Long): Long {
        var rows = 0L
        var check = 0L
        session().use { s ->
            val result = s.run(Queries.STREAM, mapOf("reps" to reps))
            while (result.hasNext()) {
                check += touch(result.next()!!)
                rows++
            }
        }
        return checked(rows, check)
    }

    override fun list(reps: Long, times: Int): Long {
        var rows = 0L
        var check = 0L
        session().use { s ->
            repeat(times) {
                for (r in s.run(Queries.STREAM, mapOf("reps" to reps)).list()) { check += touch(r); rows++ }
            }
        }
        return checked(rows, check)
    }

    override fun futures(total: Int, concurrency: Int) {
        CompletableFuture.allOf(*Array(concurrency) { chain(it, total, concurrency) }).join()
    }

    private fun chain(k: Int, total: Int, step: Int): CompletableFuture<Void?> {
        if (k >= total) return CompletableFuture.completedFuture(null)
        val s = driver.asyncSession(sessionConfig)
        return s.runAsync(Queries.SMALL, mapOf("i" to k))
            .thenCompose(AsyncResultCursor::singleAsync)
            .thenCompose { s.closeAsync() }
            .thenCompose { chain(k + step, total, step) }
    }

    override fun publisher(reps: Long, demand: Long): Long {
        var check = 0L
        val s = driver.asyncSession(sessionConfig)
        val cursor = s.runAsync(Queries.STREAM, mapOf("reps" to reps)).join()
        val subscriber = DemandSubscriber<JavaRecord>(demand) { r -> check += touch(r) }
        cursor.records().subscribe(subscriber)
        val rows = subscriber.await()
        s.closeAsync().join()
        return checked(rows, check)
    }

    override fun writeTx(batches: List<List<Map<String, Any>>>) {
        session().use { s ->
            for (b in batches) s.executeWrite({ tx -> tx.run(Queries.WRITE, mapOf("batch" to b)).consume() })
        }
    }

    override fun onThreads(total: Int, concurrency: Int, threads: ExecutorService) = spread(total, concurrency, threads) { k ->
        session().use { s -> s.run(Queries.SMALL, mapOf("i" to k)).single() }
    }

    override fun execute(query: String) { session().use { s -> s.run(query).consume() } }

    override fun close() = driver.close()

    private fun touch(r: JavaRecord): Long = r.getLong(0) + r.getString(1).length
}

/** The row count, after checking that the touched values added up to something (nothing was skipped). */
fun checked(rows: Long, check: Long): Long {
    if (check == 0L) error("no rows")
    return rows
}

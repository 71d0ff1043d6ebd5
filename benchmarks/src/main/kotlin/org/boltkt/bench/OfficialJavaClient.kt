package org.boltkt.bench

import org.neo4j.driver.AuthTokens
import org.neo4j.driver.Config
import org.neo4j.driver.GraphDatabase
import org.neo4j.driver.Record
import org.neo4j.driver.SessionConfig
import org.neo4j.driver.async.AsyncSession
import org.neo4j.driver.async.ResultCursor
import org.neo4j.driver.reactive.ReactiveResult
import org.neo4j.driver.reactive.ReactiveSession
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.ExecutorService

/** The official driver through its matching Java APIs: sync sessions, async sessions, reactive sessions. */
class OfficialJavaClient(uri: String, user: String, password: String, poolSize: Int) : JavaBenchClient {
    private val driver = GraphDatabase.driver(uri, AuthTokens.basic(user, password), Config.builder().withMaxConnectionPoolSize(poolSize).build())

    private val sessionConfig: SessionConfig =
        System.getenv("BENCH_DATABASE")?.let { SessionConfig.forDatabase(it) } ?: SessionConfig.defaultConfig()

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
            val result = s.run(Queries.STREAM, mapOf<String, Any>("reps" to reps))
            while (result.hasNext()) {
                check += touch(result.next())
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
                for (r in s.run(Queries.STREAM, mapOf<String, Any>("reps" to reps)).list()) { check += touch(r); rows++ }
            }
        }
        return checked(rows, check)
    }

    override fun futures(total: Int, concurrency: Int) {
        CompletableFuture.allOf(*Array(concurrency) { chain(it, total, concurrency).toCompletableFuture() }).join()
    }

    private fun chain(k: Int, total: Int, step: Int): CompletionStage<Void?> {
        if (k >= total) return CompletableFuture.completedFuture(null)
        val s = driver.session(AsyncSession::class.java, sessionConfig)
        return s.runAsync(Queries.SMALL, mapOf<String, Any>("i" to k))
            .thenCompose(ResultCursor::singleAsync)
            .thenCompose { s.closeAsync() }
            .thenCompose { chain(k + step, total, step) }
    }

    override fun publisher(reps: Long, demand: Long): Long {
        var check = 0L
        val s = driver.session(ReactiveSession::class.java, sessionConfig)
        // The run publisher emits the one result; its records are subscribed to from this thread (never block in
        // onNext: it runs on the driver's event loop).
        val result = CompletableFuture<ReactiveResult?>()
        s.run(Queries.STREAM, mapOf<String, Any>("reps" to reps)).subscribe(FirstItem(result))
        val records = DemandSubscriber<Record>(demand) { r -> check += touch(r) }
        result.join()!!.records().subscribe(records)
        val rows = records.await()
        val closed = CompletableFuture<Void?>()
        s.close<Void>().subscribe(FirstItem(closed))
        closed.join()
        return checked(rows, check)
    }

    override fun writeTx(batches: List<List<Map<String, Any>>>) {
        session().use { s ->
            for (b in batches) s.executeWrite { tx -> tx.run(Queries.WRITE, mapOf<String, Any>("batch" to b)).consume() }
        }
    }

    override fun onThreads(total: Int, concurrency: Int, threads: ExecutorService) = spread(total, concurrency, threads) { k ->
        session().use { s -> s.run(Queries.SMALL, mapOf<String, Any>("i" to k)).single() }
    }

    override fun execute(query: String) { session().use { s -> s.run(query).consume() } }

    override fun close() = driver.close()

    private fun touch(r: Record): Long = r.get(0).asLong() + r.get(1).asString().length
}

/** Completes [into] with a publisher's first item, or with null when it completes empty, or with its error. */
private class FirstItem<T>(private val into: CompletableFuture<T?>) : java.util.concurrent.Flow.Subscriber<T> {
    override fun onSubscribe(s: java.util.concurrent.Flow.Subscription) = s.request(1)
    override fun onNext(item: T) { into.complete(item) }
    override fun onError(t: Throwable) { into.completeExceptionally(t) }
    override fun onComplete() { into.complete(null) }
}

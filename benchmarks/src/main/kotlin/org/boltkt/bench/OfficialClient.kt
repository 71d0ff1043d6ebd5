package org.boltkt.bench

import org.neo4j.driver.AuthTokens
import org.neo4j.driver.Config
import org.neo4j.driver.GraphDatabase
import org.neo4j.driver.SessionConfig
import org.neo4j.driver.async.AsyncSession
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage

/** The official Neo4j Java driver: its sync API for sequential work, its async API for P2's concurrency. */
class OfficialClient(uri: String, user: String, password: String, poolSize: Int) : BenchClient {
    private val driver = GraphDatabase.driver(
        uri,
        AuthTokens.basic(user, password),
        Config.builder().withMaxConnectionPoolSize(poolSize).build(),
    )

    private val sessionConfig: SessionConfig =
        System.getenv("BENCH_DATABASE")?.let { SessionConfig.forDatabase(it) } ?: SessionConfig.defaultConfig()

    override fun latencies(query: String, n: Int): LongArray = LongArray(n) {
        val t0 = System.nanoTime()
        driver.session(sessionConfig).use { s -> s.run(query).single() }
        System.nanoTime() - t0
    }

    override fun concurrent(total: Int, concurrency: Int) {
        val chains = (0 until concurrency).map { worker -> chain(worker, total, concurrency).toCompletableFuture() }
        CompletableFuture.allOf(*chains.toTypedArray()).join()
    }

    private fun chain(k: Int, total: Int, step: Int): CompletionStage<Void?> {
        if (k >= total) return CompletableFuture.completedFuture(null)
        val s = driver.session(AsyncSession::class.java, sessionConfig)
        return s.runAsync(Queries.SMALL, mapOf<String, Any>("i" to k))
            .thenCompose { it.singleAsync() }
            .thenCompose { s.closeAsync() }
            .thenCompose { chain(k + step, total, step) }
    }

    override fun stream(reps: Long, query: String): Long {
        var rows = 0L
        var check = 0L
        driver.session(sessionConfig).use { s ->
            val result = s.run(query, mapOf<String, Any>("reps" to reps))
            while (result.hasNext()) {
                val r = result.next()
                check += r.get(0).asLong() + r.get(1).asString().length
                rows++
            }
        }
        if (check == 0L) error("no rows")
        return rows
    }

    override fun streamTyped(reps: Long): Long {
        var rows = 0L
        var check = 0L
        driver.session(sessionConfig).use { s ->
            val result = s.run(Queries.STREAM, mapOf<String, Any>("reps" to reps))
            while (result.hasNext()) {
                check += checksum(result.next().`as`(StreamRow::class.java))
                rows++
            }
        }
        if (check == 0L) error("no rows")
        return rows
    }

    override fun write(batches: List<List<Map<String, Any>>>) {
        driver.session(sessionConfig).use { s ->
            for (b in batches) s.executeWrite { tx -> tx.run(Queries.WRITE, mapOf<String, Any>("batch" to b)).consume() }
        }
    }

    override fun execute(query: String) { driver.session(sessionConfig).use { s -> s.run(query).consume() } }

    override fun close() = driver.close()
}

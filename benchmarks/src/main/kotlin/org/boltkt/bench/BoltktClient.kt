package org.boltkt.bench

import org.boltkt.client.mapping.records
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getString
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.client.value.parametersOf
import org.boltkt.protocol.message.AuthToken

/** boltkt with one [TransportKind]; coroutines on [Dispatchers.Default] where concurrency matters. */
class BoltktClient(uri: String, user: String, password: String, transport: TransportKind, poolSize: Int) : BenchClient {
    private val driver: Driver = BoltDriver(uri, AuthToken.basic(user, password)) {
        this.transport = transport
        maxConnectionPoolSize = poolSize
        fetchAhead = System.getenv("BENCH_FETCH_AHEAD") != "false" // A/B of the fetch-ahead PULL (default on)
        System.getenv("BENCH_FETCH_SIZE")?.let { fetchSize = it.toLong() } // A/B of the PULL sizes
        System.getenv("BENCH_FETCH_SIZE_GROWTH")?.let { fetchSizeGrowth = it.toInt() }
    }

    private val database: String? = System.getenv("BENCH_DATABASE")

    private fun session() = driver.session { database = this@BoltktClient.database }

    override fun latencies(query: String, n: Int): LongArray = runBlocking {
        LongArray(n) {
            val t0 = System.nanoTime()
            session().use { s -> s.run(query).single() }
            System.nanoTime() - t0
        }
    }

    override fun concurrent(total: Int, concurrency: Int) = runBlocking(Dispatchers.Default) {
        coroutineScope {
            repeat(concurrency) { worker ->
                launch {
                    for (k in worker until total step concurrency) {
                        session().use { s -> s.run(Queries.SMALL, mapOf("i" to k)).single() }
                    }
                }
            }
        }
    }

    override fun stream(reps: Long, query: String): Long = runBlocking {
        var rows = 0L
        var check = 0L
        session().use { s ->
            s.run(query, mapOf("reps" to reps)).records().collect { r ->
                check += r.getLong(0) + r.getString(1).length
                rows++
            }
        }
        if (check == 0L) error("no rows")
        rows
    }

    override fun write(batches: List<List<Map<String, Any>>>) = runBlocking {
        session().use { s ->
            for (b in batches) s.executeWrite { tx -> tx.run(Queries.WRITE, mapOf("batch" to b)).consume() }
        }
    }

    override fun streamTyped(reps: Long): Long = runBlocking {
        var rows = 0L
        var check = 0L
        session().use { s ->
            s.run(Queries.STREAM, mapOf("reps" to reps)).records(StreamRow.serializer()).collect { row ->
                check += checksum(row)
                rows++
            }
        }
        if (check == 0L) error("no rows")
        rows
    }

    override fun streamHandMapped(reps: Long): Long = runBlocking {
        var rows = 0L
        var check = 0L
        session().use { s ->
            s.run(Queries.STREAM, mapOf("reps" to reps)).records().collect { r ->
                check += checksum(handMapped(r))
                rows++
            }
        }
        if (check == 0L) error("no rows")
        rows
    }

    override fun writeObjects(batches: List<List<WriteRow>>) = runBlocking {
        session().use { s ->
            for (b in batches) s.executeWrite { tx -> tx.run(Queries.WRITE, parametersOf("batch", b)).consume() }
        }
    }

    override fun execute(query: String) = runBlocking { session().use { s -> s.run(query).consume(); Unit } }

    override fun close() = runBlocking { driver.close() }
}

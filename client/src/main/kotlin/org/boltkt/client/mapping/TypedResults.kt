@file:JvmName("TypedResults")

package org.boltkt.client.mapping

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.map
import kotlinx.serialization.DeserializationStrategy
import kotlinx.serialization.serializer
import org.boltkt.client.Driver
import org.boltkt.client.QueryConfig
import org.boltkt.client.Result
import org.boltkt.client.error.ResultMappingException
import org.boltkt.client.error.ResultNotSingleException
import org.boltkt.client.record.Record
import org.boltkt.client.summary.ResultSummary

// Typed results: rows mapped into @Serializable classes with kotlinx.serialization (README "Typed results" states
// the rules). A row that does not fit raises ResultMappingException from the read that met it; only that row is
// lost, the connection, the session and the rest of the result stay usable. Every function reads the result the
// way its untyped counterpart does (same PULL-n backpressure, early-stop, cancellation and one-shot rules).

/**
 * The rows as a cold, one-shot [Flow] of [T], decoded by [deserializer] (straight from the RECORD bytes for the
 * session's results; the column → property plan is built once). Same contract as [Result.records]: PULL-n
 * backpressure, a second collection throws [org.boltkt.client.error.ResultConsumedException], stopping early
 * discards the rest. A row that does not fit ends the collection with [ResultMappingException] (the rest of the
 * result is then discarded, the session stays usable).
 */
public fun <T> Result.records(deserializer: DeserializationStrategy<T>): Flow<T> =
    if (this is TypedReads) typedRecords(deserializer) else generic(deserializer).let { rows -> records().map { rows.decode(it) } }

/** [records] for a `@Serializable` [T]. */
public inline fun <reified T> Result.records(): Flow<T> = records(serializer<T>())

/**
 * The next row as [T], or null when there are no more (for a nullable [T] a null row is indistinguishable from the
 * end: use [records] then). A row that does not fit throws [ResultMappingException]; the following call reads the
 * next row. Cancellation as in [Result.next].
 */
@Suppress("UNCHECKED_CAST")
public suspend fun <T> Result.next(deserializer: DeserializationStrategy<T>): T? =
    if (this is TypedReads) nextRow(deserializer).let { if (it === TypedReads.END) null else it as T } else next()?.let { generic(deserializer).decode(it) }

/** [next] for a `@Serializable` [T]. */
public suspend inline fun <reified T> Result.next(): T? = next(serializer<T>())

/**
 * The next row as [T] if it is already in memory, without suspending; null when it is not, which does **not** mean
 * the end (then only [next] can tell). Never touches the network. Throws [ResultMappingException] for a row in
 * memory that does not fit (the row is consumed; the next call goes on). Like [Result.nextIfReady], for callers
 * outside coroutines (the Java blocking facade); not thread-safe.
 */
@Suppress("UNCHECKED_CAST")
public fun <T> Result.nextIfReady(deserializer: DeserializationStrategy<T>): T? =
    if (this is TypedReads) nextRowIfReady(deserializer).let { if (it === TypedReads.NOT_READY) null else it as T } else nextIfReady()?.let { generic(deserializer).decode(it) }

/** [nextIfReady] for a `@Serializable` [T]. */
public inline fun <reified T> Result.nextIfReady(): T? = nextIfReady(serializer<T>())

/**
 * Every remaining row as [T], buffered; like [Result.list] the next PULL asks for all remaining records at once.
 * The first row that does not fit throws [ResultMappingException] (rows after it stay unread).
 */
@Suppress("UNCHECKED_CAST")
public suspend fun <T> Result.list(deserializer: DeserializationStrategy<T>): List<T> {
    if (this !is TypedReads) return generic(deserializer).let { rows -> list().map { rows.decode(it) } }
    pullRemainingAtOnce()
    val out = ArrayList<T>()
    while (true) {
        val row = nextRow(deserializer)
        if (row === TypedReads.END) return out
        out += row as T
    }
}

/** [list] for a `@Serializable` [T]. */
public suspend inline fun <reified T> Result.list(): List<T> = list(serializer<T>())

/**
 * Exactly one row as [T]; throws [ResultNotSingleException] for none or more than one (the rest is then discarded),
 * [ResultMappingException] when the row does not fit.
 */
public suspend fun <T> Result.single(deserializer: DeserializationStrategy<T>): T {
    if (this !is TypedReads) return generic(deserializer).decode(single())
    val row = nextRow(deserializer)
    if (row === TypedReads.END) {
        throw ResultNotSingleException("expected exactly one record but the result is empty", ResultNotSingleException.Reason.NO_RECORDS)
    }
    checkNoMore()
    @Suppress("UNCHECKED_CAST")
    return row as T
}

/** [single] for a `@Serializable` [T]. */
public suspend inline fun <reified T> Result.single(): T = single(serializer<T>())

/**
 * The only row as [T], or null when there is none; more than one throws [ResultNotSingleException] (the rest is
 * discarded), a row that does not fit [ResultMappingException].
 */
public suspend fun <T> Result.singleOrNull(deserializer: DeserializationStrategy<T>): T? {
    if (this !is TypedReads) return singleOrNull()?.let { generic(deserializer).decode(it) }
    val row = nextRow(deserializer)
    if (row === TypedReads.END) return null
    checkNoMore()
    @Suppress("UNCHECKED_CAST")
    return row as T
}

/** [singleOrNull] for a `@Serializable` [T]. */
public suspend inline fun <reified T> Result.singleOrNull(): T? = singleOrNull(serializer<T>())

private suspend fun Result.checkNoMore() {
    if ((this as TypedReads).hasNextRow()) {
        consume()
        throw ResultNotSingleException(
            "expected exactly one record but the result has more; the rest was discarded",
            ResultNotSingleException.Reason.TOO_MANY_RECORDS,
        )
    }
}

private fun <T> Result.generic(deserializer: DeserializationStrategy<T>): RowDecoder<T> = RowDecoder(deserializer, keys)

/**
 * This record mapped into [T] by [deserializer] (rules in README "Typed results"). Builds the mapping plan on each
 * call: to map many records, read the result typed ([records] with a type) instead. Pure; thread-safe.
 * @throws ResultMappingException when a value does not fit.
 */
public fun <T> Record.decode(deserializer: DeserializationStrategy<T>): T = RowDecoder(deserializer, keys).decode(this)

/** [decode] for a `@Serializable` [T]. */
public inline fun <reified T> Record.decode(): T = decode(serializer<T>())

/**
 * The rows of an [executeQuery] call mapped into [T], read eagerly, with the column [keys] and the [summary].
 * Immutable once returned.
 */
public class TypedEagerResult<T>(public val keys: List<String>, public val records: List<T>, public val summary: ResultSummary) {
    override fun toString(): String = "TypedEagerResult(keys=$keys, records=${records.size}, summary=$summary)"
}

/**
 * [Driver.executeQuery] with every row mapped into [T] by [deserializer]: the same managed transaction (retried like
 * `executeWrite`/`executeRead`), bookmarks and routing. A row that does not fit throws [ResultMappingException],
 * which is never retried.
 */
public suspend fun <T> Driver.executeQuery(
    deserializer: DeserializationStrategy<T>,
    query: String,
    parameters: Map<String, Any?> = emptyMap(),
    config: QueryConfig = QueryConfig.DEFAULT,
): TypedEagerResult<T> = executeQuery(query, parameters, config) { r -> TypedEagerResult(r.keys, r.list(deserializer), r.consume()) }

/** [executeQuery] for a `@Serializable` [T], e.g. `driver.executeQuery<Movie>("MATCH (m:Movie) RETURN m")`. */
public suspend inline fun <reified T> Driver.executeQuery(
    query: String,
    parameters: Map<String, Any?> = emptyMap(),
    config: QueryConfig = QueryConfig.DEFAULT,
): TypedEagerResult<T> = executeQuery(serializer<T>(), query, parameters, config)

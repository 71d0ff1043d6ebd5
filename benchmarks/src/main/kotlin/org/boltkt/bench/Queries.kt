package org.boltkt.bench

/** The benchmark's queries: the real server runs them, the replay server recognises them by their text. */
object Queries {
    /** P1: the smallest round trip. */
    const val RETURN_ONE = "RETURN 1"

    /** P2: a small parameterised query. */
    const val SMALL = "RETURN \$i AS i"

    /** P3/P5: `1000 * reps` rows of mixed types (int, string, float, list, map, node, date). */
    const val STREAM = "MATCH (n:BenchNode) UNWIND range(1, \$reps) AS r " +
        "RETURN r AS i, n.name AS name, toFloat(r) / 3 AS score, [r, n.id] AS list, {k: n.id, s: n.name} AS map, " +
        "n AS node, date('2024-01-01') + duration({days: n.id % 365}) AS day"

    /** P6 baseline, replay server only: the same rows as [STREAM], then the server closes the connection. */
    const val RAW = "RAW STREAM"

    /** P4: one batch of maps written in one query. */
    const val WRITE = "UNWIND \$batch AS m CREATE (:BenchW {id: m.id, name: m.name, score: m.score})"

    /** Removes what [WRITE] created; outside any timing. */
    const val CLEAN_WRITES = "MATCH (n:BenchW) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 50000 ROWS"

    /** The 1000 nodes [STREAM] reads (created once on the real server). */
    const val SETUP_NODES = "UNWIND range(0, 999) AS id CREATE (:BenchNode {id: id, name: 'node-' + id})"
    const val COUNT_NODES = "MATCH (n:BenchNode) RETURN count(n) AS c"
    const val DROP_NODES = "MATCH (n:BenchNode) DETACH DELETE n"

    /** Rows per `reps` of [STREAM]. */
    const val ROWS_PER_REP = 1000
}

@file:JvmName("KotlinSample")

package org.boltkt.samples

import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getLongOrNull
import org.boltkt.client.record.getString
import org.boltkt.client.use
import kotlin.time.Duration.Companion.seconds

/**
 * The Kotlin sample: coroutines and Flow over a small movie graph. Run it alone with
 * `mvn -q -pl samples -am verify -Psamples -DskipTests` (runs both samples) or from an IDE.
 */
fun main(): Unit = runBlocking {
    val server = SampleServer.connect()
    println()
    println("== Kotlin sample: coroutines and Flow ==")
    // tag::quickstart[]
    val driver = BoltDriver(server.uri, AuthTokens.basic(server.user, server.password)) {
        maxTransactionRetryTime = 15.seconds
    }
    val greeting = driver.executeQuery("RETURN 'hello, ' + \$name AS text", mapOf("name" to "Kotlin"))
    println(greeting.records.single().getString("text"))
    // end::quickstart[]
    try {
        movies(driver)
    } finally {
        driver.close()
    }
}

private suspend fun movies(driver: Driver) {
    driver.session().use { session ->
        // A managed transaction: retried on transient errors (deadlocks, leader changes), so keep it side-effect free.
        val created = session.executeWrite { tx ->
            tx.run(
                """
                UNWIND ${'$'}movies AS movie
                MERGE (m:Movie:BoltktSample {title: movie.title}) SET m.released = movie.released
                WITH m, movie UNWIND movie.cast AS name
                MERGE (p:Person:BoltktSample {name: name})
                MERGE (p)-[:ACTED_IN]->(m)
                """.trimIndent(),
                mapOf("movies" to MOVIES),
            ).consume().counters
        }
        println("Created ${created.nodesCreated} nodes and ${created.relationshipsCreated} relationships (managed write transaction).")

        // Records stream as a Flow: operators pull from the server only as far as they need.
        val nineties = session.run(
            "MATCH (m:Movie:BoltktSample) RETURN m.title AS title, m.released AS released ORDER BY released",
        ).records()
            .filter { it.getLong("released") in 1990..1999 }
            .map { "${it.getString("title")} (${it.getLong("released")})" }
            .take(3)
            .toList()
        println("Movies of the nineties, first three: $nineties")

        // Typed access: getLongOrNull reads a column that may be null.
        val keanu = session.executeRead { tx ->
            tx.run(
                "MATCH (p:Person:BoltktSample {name: \$name}) OPTIONAL MATCH (p)-[:ACTED_IN]->(m) RETURN count(m) AS movies, p.born AS born",
                mapOf("name" to "Keanu Reeves"),
            ).single()
        }
        println("Keanu Reeves acted in ${keanu.getLong("movies")} of them; born: ${keanu.getLongOrNull("born") ?: "unknown"}.")
    }

    // executeQuery: one query, retried, bookmarks chained across calls.
    val coActors = driver.executeQuery(
        """
        MATCH (:Person:BoltktSample {name: ${'$'}name})-[:ACTED_IN]->(m)<-[:ACTED_IN]-(other)
        RETURN other.name AS name, count(m) AS together ORDER BY together DESC, name
        """.trimIndent(),
        mapOf("name" to "Keanu Reeves"),
    )
    coActors.records.forEach { println("  co-actor: ${it.getString("name")} (${it.getLong("together")} movies)") }
    println("Typed results (records<Movie>(), list<Actor>(), executeQuery<Casting>()):")
    typedResults(driver)
    val removed = driver.executeQuery("MATCH (n:BoltktSample) DETACH DELETE n").summary.counters.nodesDeleted
    println("Cleaned up $removed sample nodes.")
}

/** The small movie graph both samples use. */
internal val MOVIES: List<Map<String, Any>> = listOf(
    mapOf("title" to "The Matrix", "released" to 1999, "cast" to listOf("Keanu Reeves", "Carrie-Anne Moss", "Laurence Fishburne")),
    mapOf("title" to "Speed", "released" to 1994, "cast" to listOf("Keanu Reeves", "Sandra Bullock")),
    mapOf("title" to "Point Break", "released" to 1991, "cast" to listOf("Keanu Reeves", "Patrick Swayze")),
    mapOf("title" to "John Wick", "released" to 2014, "cast" to listOf("Keanu Reeves")),
    mapOf("title" to "The Net", "released" to 1995, "cast" to listOf("Sandra Bullock")),
)

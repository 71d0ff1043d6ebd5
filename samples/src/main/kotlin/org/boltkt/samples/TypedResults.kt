@file:UseSerializers(LocalDateSerializer::class)

package org.boltkt.samples

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.UseSerializers
import org.boltkt.client.Driver
import org.boltkt.client.error.ResultMappingException
import org.boltkt.client.mapping.ElementId
import org.boltkt.client.mapping.Labels
import org.boltkt.client.mapping.LocalDateSerializer
import org.boltkt.client.mapping.executeQuery
import org.boltkt.client.mapping.list
import org.boltkt.client.mapping.records
import org.boltkt.client.use
import java.time.LocalDate

// tag::typed[]
@Serializable
data class Movie(val title: String, val released: Int, val tagline: String? = null)

@Serializable
data class Actor(@ElementId val id: String, @Labels val labels: List<String>, val name: String)

@Serializable
data class Casting(@SerialName("movie") val title: String, val cast: List<String>, val seen: LocalDate? = null)

suspend fun typedResults(driver: Driver) {
    driver.session().use { session ->
        // Columns map to properties by name; the rows are decoded straight from the wire.
        session.run("MATCH (m:Movie:BoltktSample) RETURN m.title AS title, m.released AS released ORDER BY released")
            .records<Movie>()
            .collect { println("  ${it.title} (${it.released})") }

        // One column holding a node maps the node: its properties, plus element id and labels where annotated.
        val actors = session.run("MATCH (p:Person:BoltktSample) RETURN p ORDER BY p.name LIMIT 2").list<Actor>()
        actors.forEach { println("  ${it.name} ${it.labels} ${it.id}") }

        // A value that does not fit fails that row with a named error; the session stays usable.
        try {
            session.run("RETURN 'nineteen ninety-nine' AS released, 'X' AS title").list<Movie>()
        } catch (e: ResultMappingException) {
            println("  refused: column ${e.column} (${e.receivedType}) into ${e.property}: ${e.declaredType}")
        }
    }
    // executeQuery, typed: rows and summary.
    val castings = driver.executeQuery<Casting>(
        "MATCH (m:Movie:BoltktSample)<-[:ACTED_IN]-(p) RETURN m.title AS movie, collect(p.name) AS cast, date() AS seen",
    )
    castings.records.forEach { println("  ${it.title}: ${it.cast.sorted()} on ${it.seen}") }
}
// end::typed[]

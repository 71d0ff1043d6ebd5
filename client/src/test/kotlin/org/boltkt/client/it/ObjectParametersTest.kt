package org.boltkt.client.it

import kotlinx.serialization.Contextual
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import org.boltkt.client.error.ClientException
import org.boltkt.client.record.getList
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getString
import org.boltkt.client.run
import org.boltkt.client.use
import org.boltkt.client.value.parametersOf
import org.boltkt.protocol.value.VectorValue
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.time.LocalDate

@Serializable
data class FilmRow(val title: String, @SerialName("year") val released: Long, @Contextual val premiere: LocalDate, val genres: List<String>)

@Serializable
data class TaggedFilms(val tag: String, val batch: List<FilmRow>)

@Serializable
data class Embedded(val tag: String, @Contextual val embedding: VectorValue)

/** Parameters from objects (issue 19 item 2) against real Neo4j 5.26 (Bolt 5.8) and 2026.x (Bolt 6). */
class ObjectParametersTest {
    private fun films(n: Int) = (1..n).map { FilmRow("film $it", 1990L + it, LocalDate.of(1990 + it, 1, it % 28 + 1), listOf("g$it", "drama")) }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `an object's properties and a list of objects for UNWIND reach Cypher as maps`(version: Neo4jVersion) = withDriver(version) { driver, _ ->
        val tag = "params-${System.nanoTime()}"
        driver.session().use { session ->
            // auto-commit, the object given whole: its properties are the parameters
            val echoed = session.run("RETURN \$title AS t, \$year AS y, \$premiere AS p, \$genres AS g", parameters = films(1).single()).single()
            assertEquals("film 1", echoed.getString("t"))
            assertEquals(1991L, echoed.getLong("y"))
            assertEquals(LocalDate.of(1991, 1, 2), echoed["p"].let { (it as org.boltkt.protocol.value.DateValue).value })
            assertEquals(listOf("g1", "drama"), echoed.getList("g").map { (it as org.boltkt.protocol.value.StringValue).value })

            // a managed write of 500 objects under one name
            val written = session.executeWrite { tx ->
                tx.run("UNWIND \$batch AS f CREATE (:ParamFilm {tag: \$tag, title: f.title, year: f.year, premiere: f.premiere})",
                    parametersOf(TaggedFilms(tag, films(500)))).consume().counters.nodesCreated
            }
            assertEquals(500, written)

            // an explicit transaction with a named list plus a scalar
            val tx = session.beginTransaction()
            try {
                val n = tx.run("UNWIND \$batch AS f MATCH (m:ParamFilm {tag: \$tag, title: f.title}) RETURN count(m) AS n",
                    parametersOf("batch", films(10)) + parametersOf("tag", tag)).single().getLong("n")
                assertEquals(10L, n)
                tx.commit()
            } finally {
                tx.close()
            }
        }
        val eager = driver.executeQuery("MATCH (m:ParamFilm {tag: \$tag}) WHERE m.year > \$year RETURN count(m) AS n",
            parametersOf("tag", tag) + parametersOf("year", 2480L))
        assertEquals(10L, eager.records.single().getLong("n"))
        assertEquals(tag, (eager.summary.query.parameters["tag"] as org.boltkt.protocol.value.StringValue).value)
        driver.executeQuery("MATCH (m:ParamFilm {tag: \$tag}) DELETE m", parametersOf("tag", tag))
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion::class)
    fun `a vector parameter needs Bolt 6, else it fails before sending with a ClientException and the session stays usable`(version: Neo4jVersion) =
        withDriver(version) { driver, _ ->
            val row = Embedded("v", VectorValue.ofFloats(floatArrayOf(1f, 2f, 3f)))
            driver.session().use { session ->
                val bolt6 = driver.serverInfo().protocolVersion.major >= 6
                if (bolt6) {
                    val back = session.run("RETURN \$embedding AS e", parameters = row).single()["e"] as VectorValue
                    assertTrue(back.data.contentEquals(row.embedding.data))
                } else {
                    val e = assertThrows(ClientException::class.java) {
                        kotlinx.coroutines.runBlocking { session.run("RETURN \$embedding AS e", parameters = row) }
                    }
                    assertTrue(e.message!!.contains("parameter 'embedding': vectors need Bolt 6.0 or later"), e.message)
                    assertTrue(e.message!!.contains("nothing was sent"), e.message)
                    assertFalse(e.isRetryable)
                    // the managed path does not retry it either
                    assertThrows(ClientException::class.java) {
                        kotlinx.coroutines.runBlocking { session.executeWrite { tx -> tx.run("RETURN \$embedding", parameters = row).consume() } }
                    }
                }
                assertEquals(1L, session.run("RETURN 1 AS one").single().getLong("one"))
            }
            assertEquals(0, driver.metrics().sumOf { it.inUse })
        }
}

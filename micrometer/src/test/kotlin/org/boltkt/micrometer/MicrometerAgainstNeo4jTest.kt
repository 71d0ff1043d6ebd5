package org.boltkt.micrometer

import io.micrometer.core.instrument.MeterRegistry
import io.micrometer.core.instrument.Tags
import io.micrometer.core.instrument.simple.SimpleMeterRegistry
import io.micrometer.core.tck.MeterRegistryAssert
import io.micrometer.observation.Observation
import io.micrometer.observation.ObservationHandler
import io.micrometer.observation.tck.TestObservationRegistry
import io.micrometer.observation.tck.TestObservationRegistryAssert
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.error.ClientException
import org.boltkt.client.retry.RetryClassifier
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/** The Micrometer listener on a real Neo4j 5.26: pool gauges, timers, counters and one observation per query. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MicrometerAgainstNeo4jTest {
    private val meters = SimpleMeterRegistry()
    private val observations = TestObservationRegistry.create()

    /** Every observation context, in the order the observations stopped. */
    private val stopped = CopyOnWriteArrayList<Observation.Context>().also { list ->
        observations.observationConfig().observationHandler(object : ObservationHandler<Observation.Context> {
            override fun supportsContext(context: Observation.Context): Boolean = true
            override fun onStop(context: Observation.Context) {
                list += context
            }
        })
    }

    @Test
    fun `pool gauges follow a connection through a query and disappear with the driver`() {
        val server = neo4jServerOrSkip(Neo4jVersion.LTS_5_26)
        val pool = serverTags(server)
        withDriver(server) { driver ->
            driver.session().use { session ->
                val result = session.run("UNWIND range(1, 10) AS n RETURN n")
                assertEquals(1.0, gauge("boltkt.connections.active", pool), "in use while the result is open")
                assertEquals(0.0, gauge("boltkt.connections.idle", pool))
                result.consume()
                assertEquals(0.0, gauge("boltkt.connections.active", pool), "given back once the result was consumed")
                assertEquals(1.0, gauge("boltkt.connections.idle", pool))
            }
            assertEquals(0.0, gauge("boltkt.connections.pending", pool))
            assertEquals(100.0, gauge("boltkt.connections.max", pool))
            assertEquals(1.0, meters.get("boltkt.connections.created").tags(pool).counter().count())
            assertEquals(1L, meters.get("boltkt.connections.acquisition").tags(pool.and("outcome", "success")).timer().count())
            MeterRegistryAssert.assertThat(meters).hasTimerWithNameAndTags("boltkt.queries", pool.and("db.namespace", "neo4j", "outcome", "SUCCESS"))
        }
        assertNull(meters.find("boltkt.connections.active").tags(pool).gauge(), "the pool's gauges are removed when it closes")
        assertEquals(1.0, meters.get("boltkt.connections.closed").tags(pool.and("reason", "POOL_CLOSED")).counter().count())
    }

    @Test
    fun `one observation per query, named after OpenTelemetry's database conventions`() {
        val server = neo4jServerOrSkip(Neo4jVersion.LTS_5_26)
        var attempts = 0
        withDriver(server, { retryClassifier = RetryClassifier { it is IllegalStateException } }) { driver ->
            driver.session().use { it.run("MATCH (n) RETURN count(n) AS c").consume() }
            driver.session { database = "neo4j" }.use { it.run("CREATE (n:MicrometerTest) DELETE n").consume() }
            val error = assertThrows(ClientException::class.java) {
                runBlocking { driver.session { database = "neo4j" }.use { it.run("RETURN nonsense(").consume() } }
            }
            assertEquals("Neo.ClientError.Statement.SyntaxError", error.code)
            driver.session().use { s ->
                s.executeWrite { tx ->
                    if (++attempts == 1) throw IllegalStateException("transient")
                    tx.run("UNWIND [1, 2] AS x RETURN x").consume()
                }
            }
        }
        val name = DefaultBoltQueryObservationConvention.NAME
        TestObservationRegistryAssert.assertThat(observations)
            .hasNumberOfObservationsWithNameEqualTo(name, 4)
            .forAllObservationsWithNameEqualTo(name) { observation ->
                observation.hasLowCardinalityKeyValue("db.system.name", "neo4j")
                    .hasLowCardinalityKeyValue("db.namespace", "neo4j")
                    .hasLowCardinalityKeyValue("server.address", server.host)
                    .hasLowCardinalityKeyValue("server.port", server.port.toString())
            }
        val contexts = stopped.map { it as BoltQueryContext }
        assertEquals(listOf("MATCH neo4j", "CREATE neo4j", "RETURN neo4j", "UNWIND neo4j"), contexts.map { it.contextualName })
        assertEquals(
            listOf("MATCH", "CREATE", "RETURN", "UNWIND"),
            contexts.map { c -> c.lowCardinalityKeyValues.first { it.key == "db.operation.name" }.value },
        )
        val failed = contexts[2]
        assertEquals("Neo.ClientError.Statement.SyntaxError", failed.lowCardinalityKeyValues.first { it.key == "error.type" }.value)
        assertEquals("FAILURE", failed.lowCardinalityKeyValues.first { it.key == "outcome" }.value)
        assertTrue(failed.error is ClientException)

        val queries = meters.get("boltkt.queries").timers().sumOf { it.count() }
        assertEquals(4L, queries)
        assertEquals(1.0, meters.get("boltkt.query.failures").tags("error.code", "Neo.ClientError.Statement.SyntaxError").counter().count())
        assertEquals(1.0, meters.get("boltkt.transaction.retries").tags("error.code", "IllegalStateException").counter().count())
        assertEquals(5L, meters.get("boltkt.connections.acquisition").tags("outcome", "success").timers().sumOf { it.count() })
    }

    private fun withDriver(server: Neo4jServer, configure: org.boltkt.client.DriverConfigBuilder.() -> Unit = {}, block: suspend (org.boltkt.client.Driver) -> Unit) {
        runBlocking {
            val driver = BoltDriver(server.boltUri.toString(), AuthTokens.basic(server.user, server.password)) {
                listener = MicrometerDriverListener(meters, observations)
                fetchSize = 2
                configure()
            }
            try {
                block(driver)
            } finally {
                driver.close()
            }
        }
    }

    private fun serverTags(server: Neo4jServer): Tags = Tags.of("server.address", server.host, "server.port", server.port.toString())

    private fun MeterRegistry.gaugeValue(name: String, tags: Tags): Double = get(name).tags(tags).gauge().value()

    private fun gauge(name: String, tags: Tags): Double = meters.gaugeValue(name, tags)
}

package org.boltkt.micrometer

import io.micrometer.core.instrument.Tags
import io.micrometer.core.instrument.kotlin.asContextElement
import io.micrometer.core.instrument.simple.SimpleMeterRegistry
import io.micrometer.observation.Observation
import io.micrometer.observation.ObservationHandler
import io.micrometer.observation.ObservationRegistry
import io.micrometer.observation.transport.SenderContext
import io.micrometer.tracing.handler.DefaultTracingObservationHandler
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext
import io.micrometer.tracing.otel.bridge.OtelPropagator
import io.micrometer.tracing.otel.bridge.OtelTracer
import io.opentelemetry.api.common.AttributeKey
import io.opentelemetry.api.trace.SpanKind
import io.opentelemetry.api.trace.StatusCode
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator
import io.opentelemetry.context.propagation.ContextPropagators
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter
import io.opentelemetry.sdk.trace.SdkTracerProvider
import io.opentelemetry.sdk.trace.data.SpanData
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.error.ClientException
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * The listener's observations through Micrometer Tracing's OpenTelemetry bridge into an OpenTelemetry SDK, against
 * a real Neo4j 5.26: one finished client span per query with the database attributes, error status on a failure,
 * the caller's span as parent, and the pool gauges in the meter registry of the same driver.
 *
 * The handlers are set up as Spring Boot does: the sender handler first (the query's context is a SenderContext, so
 * its span is a CLIENT span named exactly by the convention), the default handler for everything else (here the
 * caller's observation).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OpenTelemetrySpansTest {
    private val exporter = InMemorySpanExporter.create()
    private val tracerProvider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()
    private val otelTracer = tracerProvider.get("boltkt-test")
    private val tracer = OtelTracer(otelTracer, OtelCurrentTraceContext(), OtelTracer.EventPublisher { })
    private val meters = SimpleMeterRegistry()
    private val observations = ObservationRegistry.create().also { registry ->
        val propagator = OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer)
        registry.observationConfig().observationHandler(
            ObservationHandler.FirstMatchingCompositeObservationHandler(
                PropagatingSenderTracingObservationHandler<SenderContext<*>>(tracer, propagator),
                DefaultTracingObservationHandler(tracer),
            ),
        )
    }

    @AfterEach
    fun closeSdk() = tracerProvider.close()

    @Test
    fun `each query is one finished client span with the database conventions, and the pool gauges are in the registry`() {
        val server = neo4jServerOrSkip(Neo4jVersion.LTS_5_26)
        val pool = Tags.of("server.address", server.host, "server.port", server.port.toString())
        var failure: Throwable? = null
        withDriver(server) { driver ->
            driver.session().use { session ->
                val result = session.run("UNWIND range(1, 10) AS n RETURN n")
                assertEquals(1.0, meters.get("boltkt.connections.active").tags(pool).gauge().value(), "in use while the result is open")
                assertEquals(0.0, meters.get("boltkt.connections.idle").tags(pool).gauge().value())
                assertEquals(100.0, meters.get("boltkt.connections.max").tags(pool).gauge().value())
                assertEquals(emptyList<String>(), exporter.finishedSpanItems.map { it.name }, "a span ends with its result stream")
                result.consume()
                assertEquals(1.0, meters.get("boltkt.connections.idle").tags(pool).gauge().value())
            }
            driver.session { database = "neo4j" }.use { it.run("CREATE (n:OpenTelemetrySpansTest) DELETE n").consume() }
            // A failure has no summary to report the home database: the session names it, so db.namespace is known.
            failure = runCatching { driver.session { database = "neo4j" }.use { it.run("RETURN nonsense(").consume() } }.exceptionOrNull()
        }
        assertTrue(failure is ClientException, "the failing query failed: $failure")

        val spans = exporter.finishedSpanItems
        assertEquals(listOf("UNWIND neo4j", "CREATE neo4j", "RETURN neo4j"), spans.map { it.name })
        for (span in spans) {
            assertEquals(SpanKind.CLIENT, span.kind, span.name)
            assertEquals("neo4j", span.attribute("db.system.name"))
            assertEquals("neo4j", span.attribute("db.namespace"))
            assertEquals(server.host, span.attribute("server.address"))
            assertEquals(server.port.toString(), span.attribute("server.port"))
            assertFalse(span.parentSpanContext.isValid, "no caller span, so ${span.name} is a root")
        }
        assertEquals(listOf("UNWIND", "CREATE", "RETURN"), spans.map { it.attribute("db.operation.name") })
        // A successful query's status is the bridge's choice (Micrometer Tracing's OpenTelemetry bridge ends it OK); only a
        // failed one must be ERROR.
        assertEquals(listOf(false, false, true), spans.map { it.status.statusCode == StatusCode.ERROR })
        val failed = spans[2]
        assertEquals("Neo.ClientError.Statement.SyntaxError", failed.attribute("error.type"))
        assertEquals("Neo.ClientError.Statement.SyntaxError", failed.attribute("db.response.status_code"))
        assertEquals(
            ClientException::class.java.name,
            failed.events.single { it.name == "exception" }.attributes.get(AttributeKey.stringKey("exception.type")),
        )
        assertEquals(3L, meters.get("boltkt.queries").timers().sumOf { it.count() })
    }

    /**
     * The parent is what is current on the thread that calls `run`. Three ways a caller's coroutine gets there:
     * staying on the caller's thread; `Dispatchers.Unconfined`, under which the query continues on the driver's I/O
     * thread once the new connection answered (the observation starts there, where nothing is current: the parent
     * must have been read before); and another dispatcher with the observation propagated by Micrometer's coroutine
     * context element.
     */
    @Test
    fun `a query inside the caller's observation is a child of the caller's span`() {
        val server = neo4jServerOrSkip(Neo4jVersion.LTS_5_26)
        withDriver(server) { driver ->
            // First, on a driver with no connection yet: the run suspends while the connection is opened.
            observed("caller unconfined") { withContext(Dispatchers.Unconfined) { runOne(driver, "RETURN 1 AS one") } }
            observed("caller thread") { runOne(driver, "RETURN 2 AS two") }
            observed("caller propagated") {
                withContext(Dispatchers.Default + observations.asContextElement()) { runOne(driver, "RETURN 3 AS three") }
            }
        }
        val spans = exporter.finishedSpanItems
        val queries = spans.filter { it.kind == SpanKind.CLIENT }
        assertEquals(listOf("RETURN neo4j", "RETURN neo4j", "RETURN neo4j"), queries.map { it.name }, "one span per query")
        val callers = spans.filter { it.kind != SpanKind.CLIENT }
        assertEquals(listOf("caller unconfined", "caller thread", "caller propagated"), callers.map { it.name })
        for ((query, caller) in queries.zip(callers)) {
            assertEquals(caller.spanId, query.parentSpanId, "the query's span in ${caller.name} is its child")
            assertEquals(caller.traceId, query.traceId)
        }
    }

    private suspend fun runOne(driver: Driver, query: String) {
        driver.session().use { it.run(query).consume() }
    }

    /** Runs [block] with an observation named [name] current on this thread (opened and closed here). */
    private suspend fun observed(name: String, block: suspend () -> Unit) {
        val caller = Observation.start(name, observations)
        val scope = caller.openScope()
        try {
            block()
        } finally {
            scope.close()
            caller.stop()
        }
    }

    private fun SpanData.attribute(key: String): String? = attributes.get(AttributeKey.stringKey(key))

    private fun withDriver(server: Neo4jServer, block: suspend (Driver) -> Unit) {
        runBlocking {
            val driver = BoltDriver(server.boltUri.toString(), AuthTokens.basic(server.user, server.password)) {
                listener = MicrometerDriverListener(meters, observations)
                fetchSize = 2
            }
            try {
                block(driver)
            } finally {
                driver.close()
            }
        }
    }
}

package org.boltkt.micrometer

import io.micrometer.core.instrument.simple.SimpleMeterRegistry
import io.micrometer.observation.Observation
import io.micrometer.observation.ObservationRegistry
import io.micrometer.tracing.handler.DefaultTracingObservationHandler
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext
import io.micrometer.tracing.otel.bridge.OtelPropagator
import io.micrometer.tracing.otel.bridge.OtelTracer
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler
import io.opentelemetry.api.common.AttributeKey
import io.opentelemetry.api.trace.SpanKind
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator
import io.opentelemetry.context.propagation.ContextPropagators
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter
import io.opentelemetry.sdk.trace.SdkTracerProvider
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.TimeUnit

/**
 * Micrometer Tracing's OpenTelemetry bridge turns each query's observation into an OpenTelemetry client span, a
 * child of the observation current when the query ran (real Neo4j 5.26, spans caught by an in-memory exporter).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OpenTelemetrySpansTest {
    @Test
    fun `each query is an OpenTelemetry client span under the caller's span`() {
        val server = neo4jServerOrSkip(Neo4jVersion.LTS_5_26)
        val exporter = InMemorySpanExporter.create()
        val provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()
        val otelTracer = provider.get("boltkt-test")
        val tracer = OtelTracer(otelTracer, OtelCurrentTraceContext()) { }
        val propagator = OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer)
        val observations = ObservationRegistry.create()
        observations.observationConfig().observationHandler(
            FirstMatchingCompositeObservationHandler(
                PropagatingSenderTracingObservationHandler(tracer, propagator),
                DefaultTracingObservationHandler(tracer),
            ),
        )
        runBlocking {
            val driver = BoltDriver(server.boltUri.toString(), AuthTokens.basic(server.user, server.password)) {
                listener = MicrometerDriverListener(SimpleMeterRegistry(), observations)
            }
            try {
                Observation.createNotStarted("handle request", observations).observe {
                    runBlocking {
                        driver.session().use { it.run("MATCH (n) RETURN count(n)").consume() }
                        driver.session().use { it.run("RETURN 1").consume() }
                    }
                }
            } finally {
                driver.close()
            }
        }
        provider.close()
        val spans = exporter.finishedSpanItems
        val parent = spans.single { it.name == "handle request" }
        val queries = spans.filter { it.kind == SpanKind.CLIENT }
        assertEquals(listOf("MATCH neo4j", "RETURN neo4j"), queries.map { it.name })
        queries.forEach { span ->
            assertEquals(parent.spanContext.traceId, span.spanContext.traceId)
            assertEquals(parent.spanContext.spanId, span.parentSpanId)
            assertEquals("neo4j", span.attributes.get(AttributeKey.stringKey("db.system.name")))
            assertEquals("neo4j", span.attributes.get(AttributeKey.stringKey("db.namespace")))
            assertEquals(server.port.toString(), span.attributes.get(AttributeKey.stringKey("server.port")))
        }
    }
}

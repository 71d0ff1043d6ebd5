package org.boltkt.micrometer

import io.micrometer.observation.transport.Kind
import io.micrometer.observation.transport.Propagator
import io.micrometer.observation.transport.SenderContext
import org.boltkt.client.observe.QueryFinished
import org.boltkt.client.observe.QueryStarted

/**
 * The context of one query's observation: what the driver reported at its start and, once it ended (before the
 * observation stops, so conventions and handlers see it at stop), at its end.
 *
 * A [SenderContext] of kind [Kind.CLIENT] with remote service `neo4j` at `bolt://host:port`, so Micrometer Tracing
 * makes a client span, as OpenTelemetry's database conventions ask. Nothing is propagated to the server (Bolt has no
 * header a trace context could travel in; the setter does nothing).
 */
public class BoltQueryContext internal constructor(
    /** The query's start: text, database named, server, connection id. */
    public val started: QueryStarted,
) : SenderContext<Any>(Propagator.Setter { _, _, _ -> }, Kind.CLIENT) {
    /** The query's end (outcome, database the server reported, error code); null while it runs. */
    @Volatile
    public var finished: QueryFinished? = null
        internal set

    init {
        remoteServiceName = DefaultBoltQueryObservationConvention.SYSTEM
        remoteServiceAddress = "bolt://${started.address}"
    }
}

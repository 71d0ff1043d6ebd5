package org.boltkt.micrometer

import io.micrometer.core.instrument.Counter
import io.micrometer.core.instrument.Gauge
import io.micrometer.core.instrument.Meter
import io.micrometer.core.instrument.MeterRegistry
import io.micrometer.core.instrument.Tag
import io.micrometer.core.instrument.Tags
import io.micrometer.core.instrument.Timer
import io.micrometer.observation.Observation
import io.micrometer.observation.ObservationRegistry
import org.boltkt.client.observe.ConnectionAcquired
import org.boltkt.client.observe.ConnectionAcquisitionFailed
import org.boltkt.client.observe.ConnectionClosed
import org.boltkt.client.observe.ConnectionCreated
import org.boltkt.client.observe.DriverListener
import org.boltkt.client.observe.PoolClosed
import org.boltkt.client.observe.PoolCreated
import org.boltkt.client.observe.PoolStats
import org.boltkt.client.observe.QueryFinished
import org.boltkt.client.observe.QueryOutcome
import org.boltkt.client.observe.QueryStarted
import org.boltkt.client.observe.Reauthenticated
import org.boltkt.client.observe.RoutingTableUpdated
import org.boltkt.client.observe.TransactionRetried
import org.boltkt.client.transport.ServerAddress
import java.util.concurrent.TimeUnit

/**
 * A [DriverListener] that feeds Micrometer. Set it as the driver's listener:
 * ```
 * val driver = BoltDriver(uri, auth) { listener = MicrometerDriverListener(meterRegistry, observationRegistry) }
 * ```
 * Meters in [meterRegistry] (tags `server.address`/`server.port` per pool, plus [tags] on every meter):
 * - gauges `boltkt.connections.active` (in use), `boltkt.connections.idle`, `boltkt.connections.pending`
 *   (acquisitions waiting or connecting) and `boltkt.connections.max`, per pool while it exists;
 * - timer `boltkt.connections.acquisition` (`outcome` = `success`/`failure`);
 * - counters `boltkt.connections.created` and `boltkt.connections.closed` (`reason`);
 * - timer `boltkt.queries` (`db.namespace`, `outcome`) and counter `boltkt.query.failures` (`error.code`: the
 *   server's code, else the exception's class name);
 * - counters `boltkt.transaction.retries` (`error.code` of the failure retried), `boltkt.routing.table.updates`
 *   (`db.namespace`) and `boltkt.reauthentications` (`reason`).
 *
 * With an [observationRegistry] every query is also an [Observation] named after OpenTelemetry's database
 * conventions (see [DefaultBoltQueryObservationConvention]); with Micrometer Tracing's OpenTelemetry bridge in that
 * registry each becomes a client span (see the module's README for the handler setup).
 *
 * **The parent rule.** A query's observation is the child of the registry's current observation *on the thread that
 * calls the query method* (`Session.run`, `Transaction.run`, `TransactionContext.run`, and the Java facade's
 * blocking and async forms), read before the driver suspends or hands the call to its own threads; never of whatever
 * is current on the thread that later starts the observation. With coroutines that thread is the one the calling
 * coroutine runs on at the call: make the parent current there, e.g. with
 * `withContext(observationRegistry.asContextElement())` (micrometer-core's Kotlin support, with the
 * context-propagation library), or open its scope on a thread the coroutine does not leave (`runBlocking`). No
 * observation current there: the query's has no parent observation (a tracing handler then takes its tracer's
 * current span on the thread that starts it, where the driver may be running). If the registry also has a meter handler, that
 * yields a `db.client.operation` timer beside `boltkt.queries`.
 *
 * Thread-safe; every method is cheap and never blocks, as [DriverListener] requires. One instance per driver (two
 * drivers sharing one would share the pool gauges of a common server).
 */
public class MicrometerDriverListener @JvmOverloads constructor(
    private val meterRegistry: MeterRegistry,
    private val observationRegistry: ObservationRegistry = ObservationRegistry.NOOP,
    tags: Iterable<Tag> = emptyList(),
    private val convention: BoltQueryObservationConvention = DefaultBoltQueryObservationConvention(),
) : DriverListener {
    private val commonTags: Tags = Tags.of(tags)
    private val pools = HashMap<ServerAddress, PoolGauges>() // guarded by itself; pool events are rare

    private class PoolGauges(val stats: PoolStats, val meters: List<Meter>)

    private fun serverTags(address: ServerAddress): Tags =
        commonTags.and("server.address", address.host, "server.port", address.port.toString())

    override fun poolCreated(event: PoolCreated) {
        val tags = serverTags(event.address)
        val stats = event.stats
        synchronized(pools) {
            // A pool for this address created before the old one's close: its gauges must read the new pool.
            pools.remove(event.address)?.meters?.forEach { meterRegistry.remove(it) }
            pools[event.address] = PoolGauges(
                stats,
                listOf(
                    gauge("boltkt.connections.active", "Connections of the pool in use", tags, stats) { it.inUse },
                    gauge("boltkt.connections.idle", "Connections of the pool idle", tags, stats) { it.idle },
                    gauge("boltkt.connections.pending", "Acquisitions waiting for a connection or connecting one", tags, stats) { it.pendingAcquisitions },
                    gauge("boltkt.connections.max", "The pool's maximum size", tags, stats) { it.maxSize },
                ),
            )
        }
    }

    override fun poolClosed(event: PoolClosed) {
        synchronized(pools) {
            val gauges = pools[event.address]?.takeIf { it.stats === event.stats } ?: return
            pools.remove(event.address)
            gauges.meters.forEach { meterRegistry.remove(it) }
        }
    }

    private fun gauge(name: String, description: String, tags: Tags, stats: PoolStats, read: (PoolStats) -> Int): Meter =
        Gauge.builder(name, stats) { read(it).toDouble() }
            .description(description)
            .baseUnit("connections")
            .tags(tags)
            .strongReference(true)
            .register(meterRegistry)

    override fun connectionCreated(event: ConnectionCreated) {
        Counter.builder("boltkt.connections.created").description("Connections opened").tags(serverTags(event.address))
            .register(meterRegistry).increment()
    }

    override fun connectionClosed(event: ConnectionClosed) {
        Counter.builder("boltkt.connections.closed").description("Connections closed by their pool")
            .tags(serverTags(event.address).and("reason", event.reason.name)).register(meterRegistry).increment()
    }

    override fun connectionAcquired(event: ConnectionAcquired): Unit = acquisition(event.address, "success", event.waitNanos)

    override fun connectionAcquisitionFailed(event: ConnectionAcquisitionFailed): Unit = acquisition(event.address, "failure", event.waitNanos)

    private fun acquisition(address: ServerAddress, outcome: String, nanos: Long) {
        Timer.builder("boltkt.connections.acquisition").description("Time to get a connection from the pool")
            .tags(serverTags(address).and("outcome", outcome)).register(meterRegistry).record(nanos, TimeUnit.NANOSECONDS)
    }

    /** The registry's current observation on the thread that calls the query method: the parent of its observation. */
    override fun captureCallerContext(): Any? = if (observationRegistry.isNoop) null else observationRegistry.currentObservation

    override fun queryStarted(event: QueryStarted) {
        if (observationRegistry.isNoop) return
        val context = BoltQueryContext(event)
        // The parent comes from the caller's thread only: this thread may be the driver's, holding no observation
        // or somebody else's.
        val observation = Observation.createNotStarted(convention, DEFAULT_CONVENTION, { context }, observationRegistry)
            .parentObservation(event.callerContext as? Observation)
        event.attachment = observation.start()
    }

    override fun queryFinished(event: QueryFinished) {
        val database = event.database ?: NONE
        Timer.builder("boltkt.queries").description("Queries, from RUN to the end of their result stream")
            .tags(serverTags(event.started.address).and("db.namespace", database, "outcome", event.outcome.name))
            .register(meterRegistry).record(event.durationNanos, TimeUnit.NANOSECONDS)
        if (event.outcome == QueryOutcome.FAILURE) {
            Counter.builder("boltkt.query.failures").description("Queries that failed, by error code")
                .tags(serverTags(event.started.address).and("db.namespace", database, "error.code", codeOf(event.errorCode, event.error)))
                .register(meterRegistry).increment()
        }
        val observation = event.started.attachment as? Observation ?: return
        (observation.context as? BoltQueryContext)?.finished = event
        event.error?.let(observation::error)
        observation.stop()
    }

    override fun transactionRetried(event: TransactionRetried) {
        Counter.builder("boltkt.transaction.retries").description("Managed transaction attempts started after a failure")
            .tags(commonTags.and("error.code", codeOf(event.errorCode, event.cause))).register(meterRegistry).increment()
    }

    override fun routingTableUpdated(event: RoutingTableUpdated) {
        Counter.builder("boltkt.routing.table.updates").description("Routing tables fetched")
            .tags(commonTags.and("db.namespace", event.database)).register(meterRegistry).increment()
    }

    override fun reauthenticated(event: Reauthenticated) {
        Counter.builder("boltkt.reauthentications").description("Pooled connections that logged on again")
            .tags(serverTags(event.address).and("reason", event.reason.name)).register(meterRegistry).increment()
    }

    private fun codeOf(code: String?, error: Throwable?): String = code ?: error?.javaClass?.simpleName ?: NONE

    private companion object {
        private const val NONE = "none"
        val DEFAULT_CONVENTION = DefaultBoltQueryObservationConvention()
    }
}

package org.boltkt.client.observe

/**
 * Receives the driver's lifecycle events: pools and connections (created, acquired with the wait, released, closed),
 * queries (started, finished with outcome, database, server, error code and duration), managed-transaction retries,
 * routing-table updates and re-authentications. Set one with `DriverConfigBuilder.listener`; the optional
 * `boltkt-micrometer` module provides one that feeds Micrometer meters and observations.
 *
 * Every method has an empty default, so an implementation (Kotlin or Java) overrides only what it needs.
 *
 * **Threading.** Methods are called synchronously, on whatever thread runs the driver's work at that moment: the
 * caller's thread or coroutine dispatcher for queries and acquisitions, the driver's I/O threads for connection
 * events, and the JVM's cleaner thread for a connection freed by leaked-session detection. [captureCallerContext]
 * alone always runs on the thread that called the query method (a tracing listener's way to the caller's
 * thread-locals). Calls for one query come in order ([queryStarted] before its [queryFinished]) but may come from
 * different threads, and calls for different work come concurrently: an implementation must be thread-safe.
 *
 * **Must not block or suspend.** The driver waits for each call; a slow listener slows every query and may stall an
 * I/O thread. Hand expensive work to another thread.
 *
 * **Errors.** An exception a method throws is logged (WARN, the driver's logger) and swallowed: a listener can never
 * break or change the driver's behaviour.
 *
 * **Cost.** With no listener set (the default) the driver allocates no event and reads no extra clock.
 */
public interface DriverListener {
    /** A pool for [PoolCreated.address] was created (one per server: the `bolt://` server or a routing member). */
    public fun poolCreated(event: PoolCreated) {}

    /** A pool was closed (the driver closed, or its member left every routing table); its [PoolStats] go stale. */
    public fun poolClosed(event: PoolClosed) {}

    /** A new connection was opened and authenticated (TCP, TLS, handshake, HELLO/LOGON). */
    public fun connectionCreated(event: ConnectionCreated) {}

    /** A connection was handed out to a session, transaction or router lookup, after [ConnectionAcquired.waitNanos]. */
    public fun connectionAcquired(event: ConnectionAcquired) {}

    /** Getting a connection failed (acquisition timeout, server unreachable, authentication refused…). */
    public fun connectionAcquisitionFailed(event: ConnectionAcquisitionFailed) {}

    /** A handed-out connection was given back to its pool (kept idle or, when not reusable, closed). */
    public fun connectionReleased(event: ConnectionReleased) {}

    /** A connection was closed by its pool, with the reason. */
    public fun connectionClosed(event: ConnectionClosed) {}

    /** A pooled connection logged on again (Bolt 5.1+ LOGOFF/LOGON) before being handed out. */
    public fun reauthenticated(event: Reauthenticated) {}

    /**
     * Called on the thread that called a query method (`Session.run`, `Transaction.run`, the managed transactions'
     * `run`, and their Java facade forms), before the driver suspends or hands the call to one of its own threads.
     * What it returns arrives as [QueryStarted.callerContext] in [queryStarted], which may run on another thread:
     * the place for a tracing listener to read the caller's current span or observation from a thread-local. Not
     * called without a listener. The default returns null. Must be cheap and must not block; an exception is logged
     * and the context is then null.
     */
    public fun captureCallerContext(): Any? = null

    /**
     * A query's RUN is about to be sent. [QueryStarted.attachment] is a free slot for state to pick up in
     * [queryFinished] (e.g. a tracing span); [QueryStarted.callerContext] holds what [captureCallerContext] returned
     * on the caller's thread (e.g. the parent of that span).
     */
    public fun queryStarted(event: QueryStarted) {}

    /**
     * A query's result stream ended: its summary arrived (all records read, or the rest discarded), it failed, or
     * its reader was cancelled. A query whose session leaks never finishes.
     */
    public fun queryFinished(event: QueryFinished) {}

    /** A managed transaction (`executeRead`/`executeWrite`/`executeQuery`) starts another attempt after a failure. */
    public fun transactionRetried(event: TransactionRetried) {}

    /** A `neo4j://` driver fetched a routing table from a router. */
    public fun routingTableUpdated(event: RoutingTableUpdated) {}

    /** Listeners and helpers. */
    public companion object {
        /**
         * One listener calling each of [listeners] in order. Each gets its own [QueryStarted.attachment]: the
         * attachment one of them sets is the one it sees in [queryFinished]. An exception of one does not keep the
         * others from being called (each is logged and swallowed, as for a single listener).
         */
        @JvmStatic
        public fun composite(vararg listeners: DriverListener): DriverListener = CompositeDriverListener(listeners.toList())
    }
}

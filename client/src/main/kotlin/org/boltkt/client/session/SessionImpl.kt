package org.boltkt.client.session

import org.boltkt.client.value.QueryParameters
import kotlinx.coroutines.CancellationException
import org.boltkt.client.Result
import org.boltkt.client.Session
import org.boltkt.client.SessionConfig
import org.boltkt.client.Transaction
import org.boltkt.client.TransactionConfig
import org.boltkt.client.TransactionContext
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.ClientException
import org.boltkt.client.observe.DriverEvents
import org.boltkt.client.observe.TransactionRetried
import org.boltkt.client.pool.AcquireRequest
import org.boltkt.client.pool.ConnectionLease
import org.boltkt.client.value.Values
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.Begin
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.message.TelemetryApi
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

/** The [Session] implementation; see there for the contract. */
internal class SessionImpl(private val driver: DriverContext, override val config: SessionConfig) : Session {
    private var bookmarks: Set<Bookmark> = config.bookmarks
    private var pinned: Target? = config.database?.let { Target(it, it, guessed = false) }
    private var openResult: ResultImpl? = null
    private var openTransaction: TransactionImpl? = null
    private var closed = false
    private val fetchSize: Long get() = config.fetchSize ?: driver.config.fetchSize
    private fun pullSizes() = PullSizes(fetchSize, driver.config.fetchAhead, driver.config.fetchSizeGrowth)
    private val leakGuard: LeakedSessionGuard? =
        if (driver.config.leakedSessionDetection) LeakedSessionGuard.watch(this, driver.config.logger) else null

    override suspend fun run(query: String, parameters: Map<String, Any?>, config: TransactionConfig): Result =
        runAutoCommit(query, SentParameters.of(parameters), config)

    override suspend fun run(query: String, parameters: QueryParameters, config: TransactionConfig): Result =
        runAutoCommit(query, SentParameters.of(parameters), config)

    private suspend fun runAutoCommit(query: String, parameters: SentParameters, config: TransactionConfig): Result {
        // Before the first suspension: the caller's thread may hold what a listener wants (e.g. a parent span).
        val caller = driver.events?.callerContext()
        prepareForWork()
        parameters.prepare()
        val metadata = metadataOf(config) // before any connection is taken: a bad value must not hold one
        val target = target(this.config.defaultAccessMode)
        val lease = acquire(this.config.defaultAccessMode, target)
        val used = bookmarksFor(lease)
        val end = AutoCommitEnd(lease, used)
        val observed = QueryObservation.start(driver.events, query, target.send ?: this.config.database, lease.connection, inTransaction = false, caller)
        val cursor = ResultCursor(lease, pullSizes(), observed?.listener(end) ?: end)
        try {
            cursor.start(parameters.run(query, options(config, metadata, this.config.defaultAccessMode, used, target)), telemetry(TelemetryApi.AUTO_COMMIT))
        } catch (e: Throwable) {
            // A failure of the exchange already ended the lease (through the cursor); anything else, cancellation
            // included, ends it here (a release takes effect once).
            if (e is CancellationException) observed?.cancelled()
            lease.release()
            throw e
        }
        learnDatabase(target, cursor.runMetadata)
        return ResultImpl(cursor, { driver.summaries.of(it, lease.connection, query, parameters.forSummary) }, observed?.owner(end) ?: end).also { openResult = it }
    }

    override suspend fun beginTransaction(config: TransactionConfig): Transaction =
        begin(this.config.defaultAccessMode, config, telemetry(TelemetryApi.UNMANAGED_TX))

    override suspend fun <T> executeRead(config: TransactionConfig, work: suspend (TransactionContext) -> T): T =
        execute(AccessMode.READ, config, TelemetryApi.TX_FUNCTION, work)

    override suspend fun <T> executeWrite(config: TransactionConfig, work: suspend (TransactionContext) -> T): T =
        execute(AccessMode.WRITE, config, TelemetryApi.TX_FUNCTION, work)

    /** A managed transaction with retries; [api] is what TELEMETRY reports (`executeQuery` runs through here too). */
    internal suspend fun <T> execute(mode: AccessMode, config: TransactionConfig, api: TelemetryApi, work: suspend (TransactionContext) -> T): T {
        val telemetry = telemetry(api) // one per call: once acknowledged, retries do not send it again
        val retries = driver.events?.let { RetryReport(it, mode) } // null without a listener: nothing allocated
        return driver.retryPolicy.run { attempt ->
            if (attempt > 1) {
                driver.config.logger.info("Retrying a managed {} transaction (attempt {})", mode, attempt)
                retries?.retrying(attempt)
            }
            val tx = begin(mode, config, telemetry)
            try {
                val value = work(tx)
                tx.commit()
                value
            } catch (failure: Throwable) {
                // A failed ROLLBACK must not hide why the work failed.
                try { tx.close() } catch (closeFailure: BoltException) { failure.addSuppressed(closeFailure) }
                val e = failure.retryableWhenReadOnlyOnNeo4j(mode, tx.serverAgent)
                if (e is BoltException && driver.config.retryClassifier.isRetryable(e)) {
                    driver.config.logger.info("Managed {} transaction attempt {} failed with {} ({}); it may be retried", mode, attempt, e.javaClass.simpleName, e.code ?: e.message)
                }
                retries?.previous = e
                throw e
            }
        }
    }

    private fun telemetry(api: TelemetryApi): ApiTelemetry? = ApiTelemetry.forCall(api, driver.config.telemetryDisabled)

    private suspend fun begin(mode: AccessMode, config: TransactionConfig, telemetry: ApiTelemetry?): TransactionImpl {
        prepareForWork()
        val metadata = metadataOf(config)
        val target = target(mode)
        val lease = acquire(mode, target)
        val used = bookmarksFor(lease)
        val connection = lease.connection
        try {
            val telemetryQueued = telemetry?.enqueueIfOwed(connection) == true
            connection.enqueue(Begin(options(config, metadata, mode, used, target)))
            connection.flush()
            if (telemetryQueued) telemetry!!.awaitAnswer(connection)
            learnDatabase(target, connection.awaitSuccess(RequestKind.BEGIN))
        } catch (e: Throwable) {
            try {
                throw if (e is CancellationException) e else lease.fail(e)
            } finally {
                lease.release()
            }
        }
        val tx = TransactionImpl(
            lease, ::pullSizes,
            events = driver.events,
            observe = driver.events?.let { events -> { query: String, caller: Any? -> QueryObservation.start(events, query, target.send ?: this.config.database, connection, inTransaction = true, caller) } },
            summaryOf = { cursor, query, values -> driver.summaries.of(cursor, connection, query, values) },
            onEnd = { bookmark ->
                openTransaction = null
                lease.release()
                if (bookmark != null) advanceBookmarks(used, bookmark)
            },
        )
        openTransaction = tx
        return tx
    }

    override fun lastBookmarks(): Set<Bookmark> = bookmarks

    override suspend fun close() {
        if (closed) return
        closed = true
        try {
            openResult?.takeIf { it.isOpen }?.let { r -> cleanup { r.consumeFor("the session was closed") } }
            openTransaction?.close()
        } finally {
            leakGuard?.closed()
        }
    }

    /** One transaction at a time; a new unit of work first buffers the previous auto-commit result. */
    private suspend fun prepareForWork() {
        if (closed) throw ClientException("the session is closed; open a new one")
        // A transaction whose connection died was rolled back by the server; it must not block the session.
        openTransaction?.takeIf { it.isBroken }?.close()
        if (openTransaction != null) {
            throw ClientException("a transaction is open in this session; run queries in it, or commit/roll it back first")
        }
        // The previous auto-commit result is read to its end into memory and stays readable (the official drivers'
        // behaviour): a connection carries one auto-commit stream at a time.
        openResult?.takeIf { it.isOpen }?.detach(keepAddressable = false)
        openResult = null
    }

    /**
     * Where the next unit of work goes. A routing driver resolves a missing database to the user's home database
     * once and pins it for the session, as the official drivers do; a guessed one (Bolt 5.8+ cache) only picks
     * the routing table and is confirmed by the `db` the server echoes.
     */
    private suspend fun target(mode: AccessMode): Target {
        pinned?.let { return it }
        val home = driver.source.homeDatabase(request(mode, null)) ?: return Target(null, null, guessed = false)
        val target = Target(home.route, home.name, home.guessed)
        if (!home.guessed) pinned = target
        return target.copy(justResolved = !home.guessed)
    }

    /** A server that echoes the database (5.8+) settles a session that had none configured. */
    private fun learnDatabase(target: Target, metadata: Map<String, Value>) {
        if (config.database != null || target.route == null) return // bolt:// leaves the database to the server
        val db = (metadata["db"] as? StringValue)?.value ?: return
        if (target.guessed || pinned == null) pinned = Target(db, db, guessed = false)
        driver.source.homeDatabaseSeen(request(config.defaultAccessMode, null), db)
    }

    /**
     * What routing needs for [mode] and [database]. The bookmarks of a ROUTE are asked for only when one is sent,
     * apart from those of the BEGIN/RUN ([bookmarksFor]): a manager's supplier is called for each, as the official
     * drivers do (testkit checks the calls).
     */
    private fun request(mode: AccessMode, database: String?) =
        AcquireRequest(mode, database, config.impersonatedUser, config.auth, bookmarks = { currentBookmarks().map { it.value } })

    private suspend fun acquire(mode: AccessMode, target: Target): ConnectionLease =
        driver.source.acquire(request(mode, target.route).copy(tableJustFetched = target.justResolved)).also { leakGuard?.holding(it) }

    /** The bookmarks the BEGIN/RUN on [lease]'s connection waits for; the lease ends when they cannot be had. */
    private suspend fun bookmarksFor(lease: ConnectionLease): Set<Bookmark> =
        try {
            currentBookmarks()
        } catch (e: Throwable) {
            lease.release()
            throw e
        }

    /**
     * [route]: the database whose members serve the work; [send]: the one named in BEGIN/RUN (null: the server's
     * choice); [justResolved]: a ROUTE just fetched [route]'s table, so the acquire asks no router again.
     */
    private data class Target(val route: String?, val send: String?, val guessed: Boolean, val justResolved: Boolean = false)

    private suspend fun currentBookmarks(): Set<Bookmark> =
        config.bookmarkManager?.let { bookmarks + it.getBookmarks() } ?: bookmarks

    /**
     * Records the bookmark of work that has committed. It runs after the commit (or the auto-commit summary) and
     * after the connection went back, so nothing here may fail the caller: the work took effect, and reporting a
     * failure would make a retrying caller (`executeWrite`) run it twice. A manager that throws is logged (WARN)
     * and the session's own bookmark still advances; an empty bookmark (a server sending none) is ignored.
     */
    private suspend fun advanceBookmarks(used: Set<Bookmark>, bookmark: String) {
        if (bookmark.isEmpty()) return
        bookmarks = setOf(Bookmark(bookmark))
        val manager = config.bookmarkManager ?: return
        try {
            manager.updateBookmarks(used, bookmarks)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            driver.config.logger.warn(
                "The bookmark manager failed to record the bookmark of committed work; the work stays committed and " +
                    "is not reported as failed, but later sessions of this manager may not wait for it",
                e,
            )
        }
    }

    /** The transaction metadata as protocol values; a value that cannot be sent is the caller's [ClientException]. */
    private fun metadataOf(config: TransactionConfig): Map<String, Value> =
        try {
            Values.parameters(config.metadata)
        } catch (e: IllegalArgumentException) {
            throw ClientException("transaction metadata cannot be sent: ${e.message}; use strings, numbers, booleans, temporal values, lists or maps", cause = e)
        }

    private fun options(config: TransactionConfig, metadata: Map<String, Value>, mode: AccessMode, used: Set<Bookmark>, target: Target) =
        org.boltkt.protocol.message.TransactionOptions(
            bookmarks = used.map { it.value },
            timeout = config.timeout?.let { java.time.Duration.ofNanos(it.inWholeNanoseconds) },
            metadata = metadata,
            mode = mode,
            database = target.send,
            impersonatedUser = this.config.impersonatedUser,
            // The driver-wide filter travels once per connection in HELLO; BEGIN/RUN carry only a session's own.
            notificationFilter = this.config.notificationFilter?.toProtocol(),
        )

    /** The listener's `transactionRetried` for one managed transaction: [previous] is the last attempt's failure. */
    private class RetryReport(private val events: DriverEvents, private val mode: AccessMode) {
        var previous: Throwable? = null

        fun retrying(attempt: Int) {
            val cause = previous ?: return
            events.emit("transactionRetried") { transactionRetried(TransactionRetried(mode, attempt, cause, (cause as? BoltException)?.code)) }
        }
    }

    /**
     * How an auto-commit result ends: whichever way its stream stops (summary, failure, abandoned by its reader),
     * the hand-out ends through the one [ConnectionLease.release], which takes effect once; the summary's bookmark
     * then advances the chain.
     */
    private inner class AutoCommitEnd(private val lease: ConnectionLease, private val used: Set<Bookmark>) : ResultCursor.Listener, ResultImpl.Owner {
        override suspend fun onSummary(runMetadata: Map<String, Value>, pullMetadata: Map<String, Value>) {
            lease.release()
            (pullMetadata["bookmark"] as? StringValue)?.value?.let { advanceBookmarks(used, it) }
        }

        override suspend fun onFailure(error: Throwable, connectionUsable: Boolean) = lease.release()

        override suspend fun abandoned(cursor: ResultCursor) {
            cursor.stopEarly()
            lease.release()
        }
    }
}

package org.boltkt.client.pool

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.sync.Semaphore
import org.slf4j.Logger
import org.slf4j.helpers.NOPLogger
import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.error.PoolClosedException
import org.boltkt.client.observe.ConnectionClosed
import org.boltkt.client.observe.ConnectionCloseReason
import org.boltkt.client.observe.ConnectionCreated
import org.boltkt.client.observe.ConnectionReleased
import org.boltkt.client.observe.DriverEvents
import org.boltkt.client.observe.PoolClosed
import org.boltkt.client.observe.PoolCreated
import org.boltkt.client.observe.PoolStats
import java.util.concurrent.atomic.AtomicInteger
import org.boltkt.client.transport.ServerAddress
import kotlin.time.Duration
import kotlin.time.Duration.Companion.nanoseconds

/**
 * The connections to one server address: at most [PoolSettings.maxSize] open, handed out most-recently-used first,
 * waiters served in FIFO order.
 *
 * **Cancellation.** An acquire cancelled while waiting for a permit, while connecting or during a liveness check
 * gives its permit back and closes any half-open connection; it never leaks a permit or a socket. Releases never
 * suspend, so they cannot be interrupted.
 *
 * **Reuse rule.** Only a connection that is open, has nothing pending and whose server is READY goes back to the
 * idle stack ([BoltConnection.isReusable]); anything else is closed on release.
 *
 * **Expired authorization.** When a released connection was told its authorization expired, every connection this
 * pool had open at that moment is stale, as the server may have dropped their authorization too. On Bolt 5.1+ they
 * log on again (LOGOFF/LOGON, see [BoltConnection.reauthenticationRequired]) before their next use; older ones
 * cannot, so the idle ones are closed at once and the ones in use when released. The failed one is closed.
 *
 * Thread-safe.
 */
internal class ConnectionPool(
    val address: ServerAddress,
    private val settings: PoolSettings,
    private val connect: suspend () -> BoltConnection,
    private val nanoTime: () -> Long = System::nanoTime,
    private val logger: Logger = NOPLogger.NOP_LOGGER,
    private val events: DriverEvents? = null,
) {
    private val permits = Semaphore(settings.maxSize)

    /** Acquisitions in [acquire] (waiting for a permit, connecting, checking liveness); [tryAcquireIdle] never waits. */
    private val pending = AtomicInteger()
    private val lock = Any()
    private val idle = ArrayDeque<BoltConnection>()

    /** Connections handed out and not yet released, by identity: a release counts only once per hand-out. */
    private val lent: MutableSet<BoltConnection> = java.util.Collections.newSetFromMap(java.util.IdentityHashMap())

    /** Connections in use when another one's authorization expired: closed on release instead of pooled. */
    private val stale: MutableSet<BoltConnection> = java.util.Collections.newSetFromMap(java.util.IdentityHashMap())
    private var closed = false

    /** Connections handed out and not yet released. */
    val inUseCount: Int get() = synchronized(lock) { lent.size }

    /** Connections waiting in the pool. */
    val idleCount: Int get() = synchronized(lock) { idle.size }

    val isClosed: Boolean get() = synchronized(lock) { closed }

    /** Acquisitions under way in [acquire] right now. */
    val pendingCount: Int get() = pending.get()

    /** What listeners and gauges read; kept as a field so a gauge holding it weakly sees it as long as the pool lives. */
    val stats: PoolStats = object : PoolStats {
        override val inUse: Int get() = inUseCount
        override val idle: Int get() = idleCount
        override val pendingAcquisitions: Int get() = pendingCount
        override val maxSize: Int get() = settings.maxSize
        override fun toString(): String = "PoolStats($address, inUse=$inUse, idle=$idle, pending=$pendingAcquisitions)"
    }

    init {
        logger.debug("Pool for {} created (max {} connections)", address, settings.maxSize)
        events?.emit("poolCreated") { poolCreated(PoolCreated(address, stats)) }
    }

    /**
     * A connection ready for use: an idle one (checked for age and, after idling, liveness) or a new one.
     * The caller must [release] it exactly once. Throws whatever connecting throws; [PoolClosedException] after
     * [close]. Wrap in a timeout for the acquisition timeout: cancellation is safe at every point.
     * [open] opens the new connection when no idle one is usable (default: the pool's own connect function; a
     * session with its own credentials passes one that logs on with them directly).
     */
    suspend fun acquire(open: suspend () -> BoltConnection = connect): BoltConnection {
        ensureOpen()
        pruneLongestIdle()
        pending.incrementAndGet()
        try {
            permits.acquire()
            var handedOut = false
            try {
                ensureOpen()
                while (true) {
                    val candidate = takeOpenIdle() ?: break
                    if (needsLivenessCheck(candidate) && !isAlive(candidate)) continue
                    markInUse(candidate)
                    handedOut = true
                    return candidate
                }
                val fresh = open()
                created(fresh)
                if (isClosed) {
                    discard(fresh, ConnectionCloseReason.POOL_CLOSED)
                    throw PoolClosedException(address)
                }
                markInUse(fresh)
                handedOut = true
                return fresh
            } finally {
                if (!handedOut) permits.release()
            }
        } finally {
            pending.decrementAndGet()
        }
    }

    private fun created(connection: BoltConnection) {
        events?.emit("connectionCreated") {
            connectionCreated(ConnectionCreated(address, connection.server.connectionId, connection.capabilities.version.toString(), connection.server.agent))
        }
    }

    /** Closes [connection], which this pool no longer holds, and tells the listener why. */
    private fun discard(connection: BoltConnection, reason: ConnectionCloseReason) {
        connection.close()
        logger.debug("Closed {} ({})", connection, reason)
        events?.emit("connectionClosed") { connectionClosed(ConnectionClosed(address, connection.server.connectionId, reason)) }
    }

    /** Like [discard], saying GOODBYE first when the connection is idle and in sync. */
    private suspend fun discardGracefully(connection: BoltConnection) {
        connection.closeWithGoodbye()
        logger.debug("Closed {} ({})", connection, ConnectionCloseReason.POOL_CLOSED)
        events?.emit("connectionClosed") { connectionClosed(ConnectionClosed(address, connection.server.connectionId, ConnectionCloseReason.POOL_CLOSED)) }
    }

    /**
     * An idle connection ready for use right now, or null: no free permit, no idle connection, or the first idle one
     * needs a liveness check (then [acquire] does the check). Never suspends, so the caller needs no timeout around
     * it; the hand-out is the same as [acquire]'s ([release] it exactly once). Expired or closed idle connections
     * met on the way are closed.
     */
    fun tryAcquireIdle(): BoltConnection? {
        if (isClosed) return null
        pruneLongestIdle()
        if (!permits.tryAcquire()) return null
        val candidate = takeOpenIdle()
        if (candidate == null || needsLivenessCheck(candidate)) {
            candidate?.let { c ->
                val keep = synchronized(lock) { if (!closed) idle.addFirst(c); !closed }
                if (!keep) discard(c, ConnectionCloseReason.POOL_CLOSED)
            }
            permits.release()
            return null
        }
        markInUse(candidate)
        return candidate
    }

    /** The most recently used idle connection still open and within its lifetime; the others met are closed. */
    private fun takeOpenIdle(): BoltConnection? {
        while (true) {
            val candidate = synchronized(lock) { idle.removeFirstOrNull() } ?: return null
            if (!isExpired(candidate) && candidate.isOpen) return candidate
            discard(candidate, if (candidate.isOpen) ConnectionCloseReason.EXPIRED else ConnectionCloseReason.BROKEN_WHILE_IDLE)
        }
    }

    /**
     * Returns a connection from [acquire]: kept when reusable, closed otherwise. Never suspends or throws.
     * Idempotent per hand-out: releasing a connection that is not currently handed out (a second release, or one
     * this pool never gave) changes nothing, so a caller bug cannot free a permit another connection holds and let
     * the pool grow past its size.
     */
    fun release(connection: BoltConnection) = giveBack(connection, leaked = false)

    /**
     * [release] for a connection taken back from a leaked session (called on the cleaner thread): it is closed, as
     * its stream position is unknown, and its place freed. Never suspends or throws.
     */
    fun releaseLeaked(connection: BoltConnection) {
        connection.close()
        giveBack(connection, leaked = true)
    }

    private fun giveBack(connection: BoltConnection, leaked: Boolean) {
        val keep = connection.isReusable && !isExpired(connection)
        var staleIdle: List<BoltConnection> = emptyList()
        var staleInUse = 0
        val kept = synchronized(lock) {
            if (!lent.remove(connection)) return
            connection.touch()
            val wasStale = stale.remove(connection)
            if (connection.authorizationExpired) {
                // Bolt 5.1+ connections log on again (LOGOFF/LOGON) before their next use; older ones cannot, so they
                // are closed: idle ones now, busy ones when released.
                lent.forEach { if (it.capabilities.logonLogoff) it.reauthenticationRequired = true else stale.add(it) }
                idle.forEach { if (it.capabilities.logonLogoff) it.reauthenticationRequired = true }
                staleInUse = stale.size
                staleIdle = idle.filter { !it.capabilities.logonLogoff }
                idle.removeAll(staleIdle)
            }
            if (keep && !wasStale && !closed) {
                idle.addFirst(connection)
                true
            } else {
                false
            }
        }
        if (connection.authorizationExpired) {
            logger.info("Authorization expired on {}: closing {} idle connection(s); {} in use close when released", connection, staleIdle.size, staleInUse)
            staleIdle.forEach { discard(it, ConnectionCloseReason.AUTHORIZATION_EXPIRED) }
        }
        logger.trace("Released {} (pooled={})", connection, kept)
        events?.emit("connectionReleased") { connectionReleased(ConnectionReleased(address, connection.server.connectionId, kept)) }
        if (!kept) {
            logger.debug("Closing {} instead of pooling it (open={}, server state {})", connection, connection.isOpen, connection.serverState)
            discard(connection, if (leaked) ConnectionCloseReason.LEAKED_SESSION else closeReason(connection))
        }
        permits.release()
    }

    /**
     * Bounded housekeeping on every acquire: the idle stack is used from the top, so the connections at its bottom
     * idle longest and would never be looked at while the top ones serve the load. Up to [PRUNE_PER_ACQUIRE] of them
     * are examined and closed when past their lifetime or already closed (no I/O here: a connection past the
     * liveness threshold is checked with RESET when it is next handed out). Never suspends.
     */
    private fun pruneLongestIdle() {
        var dead: ArrayList<BoltConnection>? = null
        synchronized(lock) {
            repeat(PRUNE_PER_ACQUIRE) {
                val oldest = idle.lastOrNull() ?: return@synchronized
                if (!isExpired(oldest) && oldest.isOpen) return@synchronized
                idle.removeLast()
                (dead ?: ArrayList<BoltConnection>(PRUNE_PER_ACQUIRE).also { dead = it }).add(oldest)
            }
        }
        dead?.forEach { discard(it, if (it.isOpen) ConnectionCloseReason.EXPIRED else ConnectionCloseReason.NOT_REUSABLE) }
    }

    /** Why a released connection is not kept; [release] asks only for one that is not. */
    private fun closeReason(connection: BoltConnection): ConnectionCloseReason = when {
        connection.authorizationExpired -> ConnectionCloseReason.AUTHORIZATION_EXPIRED
        isClosed -> ConnectionCloseReason.POOL_CLOSED
        connection.isReusable && isExpired(connection) -> ConnectionCloseReason.EXPIRED
        connection.isReusable -> ConnectionCloseReason.AUTHORIZATION_EXPIRED // stale: another one's authorization expired
        else -> ConnectionCloseReason.NOT_REUSABLE
    }

    /** Closes every idle connection that is broken or past its lifetime (a full sweep; acquires prune a few each). */
    fun prune() {
        val stale = synchronized(lock) {
            idle.filter { isExpired(it) || !it.isOpen }.also { idle.removeAll(it) }
        }
        stale.forEach { discard(it, if (it.isOpen) ConnectionCloseReason.EXPIRED else ConnectionCloseReason.BROKEN_WHILE_IDLE) }
    }

    /** Closes every idle connection and refuses new acquires; in-use connections are closed on release. */
    fun close() {
        val (toClose, first) = synchronized(lock) {
            val first = !closed
            closed = true
            idle.toList().also { idle.clear() } to first
        }
        toClose.forEach { discard(it, ConnectionCloseReason.POOL_CLOSED) }
        if (first) closedNow()
    }

    private fun closedNow() {
        logger.debug("Pool for {} closed ({} connection(s) still in use close when released)", address, inUseCount)
        events?.emit("poolClosed") { poolClosed(PoolClosed(address, stats)) }
    }

    /** Like [close], but idle connections are closed with GOODBYE (bounded, best effort; see [BoltConnection.closeWithGoodbye]). */
    suspend fun closeGracefully() {
        val (toClose, first) = synchronized(lock) {
            val first = !closed
            closed = true
            idle.toList().also { idle.clear() } to first
        }
        toClose.forEach { discardGracefully(it) }
        if (first) closedNow()
    }

    private fun ensureOpen() {
        if (isClosed) throw PoolClosedException(address)
    }

    private fun markInUse(connection: BoltConnection) = synchronized(lock) { lent.add(connection) }

    private fun isExpired(connection: BoltConnection): Boolean =
        settings.maxLifetime != Duration.INFINITE && elapsed(connection.createdAtNanos) > settings.maxLifetime

    private fun needsLivenessCheck(connection: BoltConnection): Boolean =
        settings.livenessCheckAfter != Duration.INFINITE && elapsed(connection.lastUsedNanos) >= settings.livenessCheckAfter

    private fun elapsed(sinceNanos: Long): Duration = (nanoTime() - sinceNanos).nanoseconds

    /** A RESET round trip; a connection that fails it is closed. Cancellation closes it too (stream position lost). */
    private suspend fun isAlive(connection: BoltConnection): Boolean =
        try {
            connection.resetAndDrain()
        } catch (e: CancellationException) {
            discard(connection, ConnectionCloseReason.LIVENESS_CHECK_FAILED)
            throw e
        } catch (_: Exception) {
            false
        }.also { alive -> if (!alive) discard(connection, ConnectionCloseReason.LIVENESS_CHECK_FAILED) }

    override fun toString(): String = "ConnectionPool($address, inUse=$inUseCount, idle=$idleCount)"

    private companion object {
        /** Idle connections examined per acquire (see [pruneLongestIdle]). */
        const val PRUNE_PER_ACQUIRE = 2
    }
}

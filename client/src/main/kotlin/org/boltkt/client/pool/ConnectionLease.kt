package org.boltkt.client.pool

import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.DriverDefectException
import org.boltkt.client.error.ErrorMapper
import java.util.concurrent.atomic.AtomicBoolean
import kotlin.time.Duration.Companion.seconds

/** How long cleanup (RESET, DISCARD, ROLLBACK) may take before the connection is closed instead. */
internal val CLEANUP_TIMEOUT = 10.seconds

/**
 * What a failure on a handed-out connection means to the source that handed it out (routing: update the tables;
 * the driver's auth token manager: see security errors). Gets the mapped public exception, returns what the holder
 * reports (the same one, or a replacement such as a routing driver's `SessionExpiredException`). Must not throw.
 */
internal fun interface FailurePolicy {
    fun onFailure(error: BoltException): Throwable

    /** This policy, then [next] on what it returned. */
    fun then(next: FailurePolicy): FailurePolicy = FailurePolicy { e ->
        val first = onFailure(e)
        if (first is BoltException) next.onFailure(first) else first
    }

    companion object {
        val NONE: FailurePolicy = FailurePolicy { it }
    }
}

/**
 * One hand-out of a connection by a [ConnectionSource]. The holder uses [connection] from one coroutine at a time,
 * reports failures through [fail] and ends the hand-out with [release].
 *
 * - [release] is idempotent per lease: only the first call gives the connection back, so a second release (a
 *   cleanup path racing a normal end) can never touch a connection that another holder got meanwhile.
 * - [fail] is the one way from "the connection threw" to the public exception: it maps through [ErrorMapper],
 *   closes the connection on a driver defect, and applies the source's [FailurePolicy].
 */
internal class ConnectionLease(
    val connection: BoltConnection,
    private val giveBack: (BoltConnection) -> Unit,
    private val policy: FailurePolicy = FailurePolicy.NONE,
) {
    private val released = AtomicBoolean(false)

    /** True once [release] was called. */
    val isReleased: Boolean get() = released.get()

    /**
     * The public exception for [cause] (anything the connection or the code driving it threw), after the source's
     * policy saw it. [duringCommit]: COMMIT was sent, so a lost connection is an incomplete commit.
     * @throws kotlinx.coroutines.CancellationException and JVM errors, rethrown unchanged.
     */
    fun fail(cause: Throwable, duringCommit: Boolean = false): Throwable {
        val mapped = ErrorMapper.map(cause, connection.address, duringCommit)
        if (mapped is DriverDefectException) connection.close()
        return policy.onFailure(mapped)
    }

    /**
     * Gives the connection back, once: an in-sync connection that is not READY (failed query, unread answers) is
     * RESET and drained first; a broken one is simply given back, which closes it. Runs to completion even in a
     * cancelled coroutine, bounded by [CLEANUP_TIMEOUT]; if that fires mid-exchange the connection breaks and is
     * closed. Never throws.
     */
    suspend fun release() {
        if (!released.compareAndSet(false, true)) return
        withContext(NonCancellable) {
            // A connection whose authorization expired is closed on release anyway: no point resetting it first.
            if (connection.isOpen && !connection.isReusable && !connection.authorizationExpired) {
                withTimeoutOrNull(CLEANUP_TIMEOUT) { runCatching { connection.resetAndDrain() } }
            }
            giveBack(connection)
        }
    }

    /**
     * This hand-out with [outer] applied after this lease's own policy (a routing source decorating a member's
     * lease). The receiver must not be used afterwards: the returned lease owns the release.
     */
    fun withPolicy(outer: FailurePolicy): ConnectionLease = ConnectionLease(connection, giveBack, policy.then(outer))
}

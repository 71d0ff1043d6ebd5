package org.boltkt.client.session

import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.pool.ConnectionSource
import kotlin.time.Duration.Companion.seconds

/** How long cleanup (RESET, DISCARD, ROLLBACK) may take before the connection is closed instead. */
internal val CLEANUP_TIMEOUT = 10.seconds

/**
 * Returns [connection] to [source] in a reusable state when that is possible without guessing: an in-sync
 * connection that is not READY (failed query, unread answers) gets RESET and its pending answers drained; a
 * broken one is simply released, which closes it. Runs to completion even in a cancelled coroutine, bounded by
 * [CLEANUP_TIMEOUT]; if that fires mid-exchange the connection breaks and is closed.
 */
internal suspend fun releaseClean(source: ConnectionSource, connection: BoltConnection) {
    withContext(NonCancellable) {
        // A connection whose authorization expired is closed on release anyway: no point resetting it first.
        if (connection.isOpen && !connection.isReusable && !connection.authorizationExpired) {
            withTimeoutOrNull(CLEANUP_TIMEOUT) { runCatching { connection.resetAndDrain() } }
        }
        source.release(connection)
    }
}

/** Runs [block] to completion even if the caller is cancelled, bounded by [CLEANUP_TIMEOUT]; failures are dropped. */
internal suspend fun cleanup(block: suspend () -> Unit) {
    withContext(NonCancellable) {
        withTimeoutOrNull(CLEANUP_TIMEOUT) { runCatching { block() } }
    }
}

/** The message of the [IllegalStateException] thrown when a closed driver (or a session of it) is used. */
internal const val DRIVER_CLOSED = "the driver is closed; create a new driver to continue"

package org.boltkt.client.session

import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import org.boltkt.client.pool.CLEANUP_TIMEOUT

/** Runs [block] to completion even if the caller is cancelled, bounded by [CLEANUP_TIMEOUT]; failures are dropped. */
internal suspend fun cleanup(block: suspend () -> Unit) {
    withContext(NonCancellable) {
        withTimeoutOrNull(CLEANUP_TIMEOUT) { runCatching { block() } }
    }
}

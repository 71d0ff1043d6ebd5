package org.boltkt.client.retry

import org.boltkt.client.error.BoltException
import org.boltkt.client.error.IncompleteCommitException
import kotlin.coroutines.cancellation.CancellationException

/**
 * Decides whether a failed unit of work may be run again. Implementations must be pure, fast, non-blocking and
 * safe to call from any thread; [RetryPolicy] calls [isRetryable] once per failure.
 */
public fun interface RetryClassifier {
    /**
     * Whether running the work again may succeed after it failed with [error]. Must never return true for a
     * [CancellationException] or an [IncompleteCommitException]; [RetryPolicy] enforces both anyway.
     */
    public fun isRetryable(error: Throwable): Boolean

    public companion object {
        /**
         * The driver's classifier: a [BoltException] is retryable when its [BoltException.isRetryable] says so
         * (transient errors including every `Memgraph.TransientError.*`, lost connections, expired sessions,
         * routing changes, auth errors an auth manager handled). A Memgraph server error whose message reports a
         * write conflict ("Cannot resolve conflicting transactions", "Unable to commit due to serialization error")
         * is retryable whatever its classification. Never retryable: [IncompleteCommitException],
         * [CancellationException], and any throwable that is not a [BoltException] (the caller's own errors).
         */
        public val DEFAULT: RetryClassifier = RetryClassifier(::defaultIsRetryable)

        private val MEMGRAPH_CONFLICT_MESSAGES = listOf(
            "Cannot resolve conflicting transactions",
            "Unable to commit due to serialization error",
        )

        private fun defaultIsRetryable(error: Throwable): Boolean = when (error) {
            is CancellationException, is IncompleteCommitException -> false
            is BoltException -> error.isRetryable || isMemgraphConflict(error)
            else -> false
        }

        private fun isMemgraphConflict(error: BoltException): Boolean {
            if (error.code?.startsWith("Memgraph.") != true) return false
            val message = error.message ?: return false
            return MEMGRAPH_CONFLICT_MESSAGES.any { message.contains(it, ignoreCase = true) }
        }
    }
}

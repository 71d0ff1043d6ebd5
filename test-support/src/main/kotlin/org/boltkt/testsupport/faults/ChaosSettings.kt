package org.boltkt.testsupport.faults

/**
 * The driver settings of the chaos tests (Kotlin and Java) and the longest a managed write may take under them,
 * which both tests assert for every call. Numbers only, in milliseconds, so test-support needs no driver.
 */
object ChaosSettings {
    /** `maxTransactionRetryTime`. */
    const val RETRY_MILLIS: Long = 3_000

    /** `connectionAcquisitionTimeout`: one deadline over connecting, HELLO/LOGON and a liveness check. */
    const val ACQUISITION_MILLIS: Long = 3_000

    /** `connectionReadTimeout` and `connectionWriteTimeout` (shorter than Neo4j's 120 s hint, so they apply). */
    const val IO_MILLIS: Long = 3_000

    /**
     * Waits for an answer in one attempt: BEGIN, RUN, PULL, COMMIT, and the RESET or ROLLBACK of a failed attempt
     * whose connection is still open. Each is bounded by [IO_MILLIS]. Writes are a few hundred bytes, which the
     * socket buffers take at once even from a stalled peer, so no write waits.
     */
    private const val ANSWERS_PER_ATTEMPT = 5

    /**
     * The longest one `executeWrite` may take: the last attempt starts at most one backoff after the retry time (the
     * driver's policy: 1 s, doubling, ±20 % jitter; a failure just before the retry time is retried after the
     * longest backoff it can reach by then), then acquires and waits for its answers.
     */
    @JvmStatic
    fun callBoundMillis(): Long {
        var delay = 1_000.0
        var soonestFailure = 0.0 // when the n-th failure can come at the earliest: attempts taking no time
        var lastStart = RETRY_MILLIS.toDouble()
        while (soonestFailure < RETRY_MILLIS) {
            lastStart = RETRY_MILLIS + delay * 1.2
            soonestFailure += delay * 0.8
            delay *= 2
        }
        return lastStart.toLong() + ACQUISITION_MILLIS + ANSWERS_PER_ATTEMPT * IO_MILLIS
    }
}

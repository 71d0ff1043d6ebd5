package org.boltkt.client.retry

import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.delay
import kotlinx.coroutines.ensureActive
import org.boltkt.client.error.IncompleteCommitException
import kotlin.coroutines.cancellation.CancellationException
import kotlin.random.Random
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TimeSource

/**
 * Runs a unit of work again after retryable failures, waiting with exponential backoff and jitter, as managed
 * transactions do. Immutable and safe to share; each [run] call keeps its own state.
 *
 * After the n-th failure (n = 1, 2, ...) the wait is `initialDelay * multiplier^(n-1)`, randomized uniformly
 * within `±jitter` of itself, and capped at [maxDelay]. A new attempt is only scheduled while less than
 * [maxRetryTime] has elapsed since the first attempt started (as in the official drivers, the last attempt may
 * therefore start up to one delay after that time).
 *
 * @property maxRetryTime how long, from the start of the first attempt, failures may still be retried. Zero
 *   disables retries.
 * @property initialDelay the wait after the first failure.
 * @property multiplier the factor applied to the wait after each further failure; at least 1.
 * @property jitter the relative randomization of each wait, in `[0, 1]`: 0.2 means ±20 %.
 * @property maxDelay the upper bound of any single wait, applied after jitter.
 * @property classifier decides which failures are retried.
 * @param random the source for jitter; inject a seeded one in tests.
 * @param timeSource measures elapsed time; tests using `runTest` pass `testScheduler.timeSource` so virtual time
 *   counts.
 */
public class RetryPolicy(
    public val maxRetryTime: Duration = 30.seconds,
    public val initialDelay: Duration = 1.seconds,
    public val multiplier: Double = 2.0,
    public val jitter: Double = 0.2,
    public val maxDelay: Duration = 30.seconds,
    public val classifier: RetryClassifier = RetryClassifier.DEFAULT,
    private val random: Random = Random.Default,
    private val timeSource: TimeSource = TimeSource.Monotonic,
) {
    init {
        require(!maxRetryTime.isNegative()) { "maxRetryTime must not be negative: $maxRetryTime" }
        require(!initialDelay.isNegative()) { "initialDelay must not be negative: $initialDelay" }
        require(multiplier >= 1.0) { "multiplier must be at least 1.0: $multiplier" }
        require(jitter in 0.0..1.0) { "jitter must be within [0, 1]: $jitter" }
        require(!maxDelay.isNegative()) { "maxDelay must not be negative: $maxDelay" }
    }

    /**
     * Calls [block] with the attempt number (1 for the first call) until it returns, and returns its result.
     *
     * - A failure the [classifier] deems retryable is retried after the backoff wait, while within [maxRetryTime].
     *   When time runs out, the last failure is thrown with every earlier failure attached as
     *   [suppressed][Throwable.suppressed], oldest first.
     * - A non-retryable failure (always including [IncompleteCommitException]) is thrown at once, also with the
     *   earlier failures of this run suppressed on it.
     * - A [CancellationException] from [block], or cancellation of the calling coroutine while waiting, propagates
     *   immediately and unchanged; no further attempt starts.
     *
     * Waiting uses [delay], so it suspends without blocking a thread and honours virtual time in tests.
     */
    public suspend fun <T> run(block: suspend (attempt: Int) -> T): T {
        val start = timeSource.markNow()
        val failures = ArrayList<Throwable>()
        var attempt = 1
        var baseDelay = initialDelay
        while (true) {
            try {
                return block(attempt)
            } catch (e: CancellationException) {
                throw e
            } catch (e: Throwable) {
                currentCoroutineContext().ensureActive()
                val retry = e !is IncompleteCommitException && classifier.isRetryable(e) &&
                    start.elapsedNow() < maxRetryTime
                if (!retry) throw e.withSuppressed(failures)
                failures += e
            }
            delay(jittered(baseDelay))
            baseDelay = if (baseDelay >= maxDelay) baseDelay else baseDelay * multiplier
            attempt++
        }
    }

    /** The wait for a base delay: uniformly within ±[jitter] of it, capped at [maxDelay]. */
    internal fun jittered(base: Duration): Duration {
        val spread = base * jitter
        val randomized = base - spread + spread * (2 * random.nextDouble())
        return minOf(randomized, maxDelay)
    }

    private fun Throwable.withSuppressed(earlier: List<Throwable>): Throwable {
        earlier.forEach { if (it !== this && it !in suppressed) addSuppressed(it) }
        return this
    }

    override fun toString(): String =
        "RetryPolicy(maxRetryTime=$maxRetryTime, initialDelay=$initialDelay, multiplier=$multiplier, " +
            "jitter=$jitter, maxDelay=$maxDelay)"

    public companion object {
        /** The driver's defaults: 30 s retry time, 1 s initial delay, ×2 per retry, ±20 % jitter, 30 s cap. */
        public val DEFAULT: RetryPolicy = RetryPolicy()
    }
}

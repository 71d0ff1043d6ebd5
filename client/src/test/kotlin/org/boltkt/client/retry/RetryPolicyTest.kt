package org.boltkt.client.retry

import io.kotest.assertions.throwables.shouldThrow
import org.boltkt.client.error.ServerStatus
import io.kotest.assertions.throwables.shouldThrowExactly
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.doubles.shouldBeBetween
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.advanceUntilIdle
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runTest
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.IncompleteCommitException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.error.TransientException
import org.junit.jupiter.api.Test
import kotlin.random.Random
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

class RetryPolicyTest {

    private fun transient(n: Int) = TransientException("busy $n", ServerStatus("Neo.TransientError.Transaction.DeadlockDetected"))

    /** A random source always answering [value] from nextDouble, to pin jitter to one end of its range. */
    private class FixedRandom(private val value: Double) : Random() {
        override fun nextBits(bitCount: Int): Int = 0
        override fun nextDouble(): Double = value
    }

    private fun TestScope.policy(
        jitter: Double = 0.0,
        random: Random = Random(42),
        classifier: RetryClassifier = RetryClassifier.DEFAULT,
        maxDelay: kotlin.time.Duration = 30.seconds,
        multiplier: Double = 2.0,
    ) = RetryPolicy(
        jitter = jitter, random = random, classifier = classifier, maxDelay = maxDelay, multiplier = multiplier,
        timeSource = testScheduler.timeSource,
    )

    @Test
    fun `retries transient failures with growing delays and returns the first success`() = runTest {
        val attemptTimes = mutableListOf<Long>()
        val attempts = mutableListOf<Int>()
        val result = policy().run { attempt ->
            attempts += attempt
            attemptTimes += currentTime
            if (attempt < 3) throw transient(attempt)
            "done"
        }
        result shouldBe "done"
        attempts shouldContainExactly listOf(1, 2, 3)
        attemptTimes shouldContainExactly listOf(0L, 1_000L, 3_000L)
    }

    @Test
    fun `gives up once the max retry time has passed and attaches earlier failures as suppressed`() = runTest {
        val thrown = mutableListOf<Throwable>()
        val attemptTimes = mutableListOf<Long>()
        val final = shouldThrow<TransientException> {
            policy().run { attempt ->
                attemptTimes += currentTime
                throw transient(attempt).also { thrown += it }
            }
        }
        // Waits 1, 2, 4, 8, 16 s: attempts at 0, 1, 3, 7, 15, 31 s; at 31 s the 30 s budget is spent.
        attemptTimes shouldContainExactly listOf(0L, 1_000L, 3_000L, 7_000L, 15_000L, 31_000L)
        final shouldBeSameInstanceAs thrown.last()
        final.suppressed.toList() shouldContainExactly thrown.dropLast(1)
    }

    @Test
    fun `zero max retry time runs once`() = runTest {
        var calls = 0
        shouldThrow<TransientException> {
            RetryPolicy(maxRetryTime = 0.seconds, timeSource = testScheduler.timeSource).run {
                calls++
                throw transient(it)
            }
        }
        calls shouldBe 1
    }

    @Test
    fun `never retries IncompleteCommit, even if the classifier says so`() = runTest {
        var calls = 0
        val error = IncompleteCommitException("lost during commit")
        val thrown = shouldThrow<IncompleteCommitException> {
            policy(classifier = { true }).run {
                calls++
                throw error
            }
        }
        thrown shouldBeSameInstanceAs error
        calls shouldBe 1
        currentTime shouldBe 0L
    }

    @Test
    fun `a non-retryable error after transient ones is thrown at once with the earlier ones suppressed`() = runTest {
        val first = transient(1)
        val second = ServiceUnavailableException("gone", "h:1")
        val fatal = ClientException("syntax", ServerStatus("Neo.ClientError.Statement.SyntaxError"))
        var calls = 0
        val thrown = shouldThrow<ClientException> {
            policy().run { attempt ->
                calls++
                throw when (attempt) { 1 -> first; 2 -> second; else -> fatal }
            }
        }
        thrown shouldBeSameInstanceAs fatal
        calls shouldBe 3
        thrown.suppressed.toList() shouldContainExactly listOf(first, second)
    }

    @Test
    fun `errors that are not BoltExceptions are not retried by default`() = runTest {
        var calls = 0
        shouldThrowExactly<IllegalStateException> {
            policy().run {
                calls++
                error("caller bug")
            }
        }
        calls shouldBe 1
    }

    @Test
    fun `jitter keeps every delay within its bounds, at both ends of the range`() = runTest {
        for ((randomValue, factor) in listOf(0.0 to 0.8, 0.999_999 to 1.2, 0.5 to 1.0)) {
            val times = mutableListOf<Long>()
            val start = currentTime
            policy(jitter = 0.2, random = FixedRandom(randomValue)).run { attempt ->
                times += currentTime - start
                if (attempt < 5) throw transient(attempt)
            }
            val delays = times.zipWithNext { a, b -> (b - a).toDouble() }
            delays.size shouldBe 4
            delays.forEachIndexed { i, d ->
                val base = 1_000.0 * (1 shl i)
                (d / base).shouldBeBetween(factor - 0.001, factor + 0.001, 0.0)
            }
        }
    }

    @Test
    fun `seeded random jitter stays within bounds, varies, and delays grow`() = runTest {
        val times = mutableListOf<Long>()
        policy(jitter = 0.2, random = Random(7)).run { attempt ->
            times += currentTime
            if (attempt < 6) throw transient(attempt)
        }
        val delays = times.zipWithNext { a, b -> b - a }
        delays.forEachIndexed { i, d ->
            val base = 1_000.0 * (1 shl i)
            d.toDouble().shouldBeBetween(base * 0.8, base * 1.2, 1.0)
        }
        delays.zipWithNext { a, b -> b shouldNotBe a; (b > a) shouldBe true }
        delays.map { it.toDouble() / 1_000 }.zip(listOf(1.0, 2.0, 4.0, 8.0, 16.0)).any { (d, b) -> d != b } shouldBe true
    }

    @Test
    fun `max delay caps each wait`() = runTest {
        val times = mutableListOf<Long>()
        policy(multiplier = 10.0, maxDelay = 5.seconds).run { attempt ->
            times += currentTime
            if (attempt < 5) throw transient(attempt)
        }
        times.zipWithNext { a, b -> b - a } shouldContainExactly listOf(1_000L, 5_000L, 5_000L, 5_000L)
    }

    @Test
    fun `a CancellationException from the block propagates immediately`() = runTest {
        var calls = 0
        val cancellation = CancellationException("stop")
        val thrown = shouldThrow<CancellationException> {
            policy(classifier = { true }).run {
                calls++
                throw cancellation
            }
        }
        thrown shouldBeSameInstanceAs cancellation
        calls shouldBe 1
        currentTime shouldBe 0L
    }

    @Test
    fun `cancelling the caller during the backoff wait stops all further attempts`() = runTest {
        var calls = 0
        val job = launch {
            policy().run {
                calls++
                throw transient(it)
            }
        }
        advanceTimeBy(500.milliseconds)
        calls shouldBe 1
        job.cancel()
        advanceUntilIdle()
        job.isCancelled shouldBe true
        calls shouldBe 1
    }

    @Test
    fun `rejects invalid settings`() {
        shouldThrow<IllegalArgumentException> { RetryPolicy(multiplier = 0.5) }
        shouldThrow<IllegalArgumentException> { RetryPolicy(jitter = 1.5) }
        shouldThrow<IllegalArgumentException> { RetryPolicy(initialDelay = (-1).seconds) }
        shouldThrow<IllegalArgumentException> { RetryPolicy(maxRetryTime = (-1).seconds) }
    }
}

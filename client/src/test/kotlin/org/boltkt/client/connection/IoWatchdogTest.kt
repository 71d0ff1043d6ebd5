package org.boltkt.client.connection

import io.kotest.matchers.shouldBe
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/** The I/O watchdog with short timeouts: what fires, what does not, on the real timer thread. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IoWatchdogTest {
    private val timeoutMillis = 200L
    private val timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis)

    @Test
    fun `a read waiting longer than the timeout fires it once`() {
        val fired = CountDownLatch(1)
        val calls = AtomicInteger()
        val dog = IoWatchdog { calls.incrementAndGet(); fired.countDown() }
        val started = System.nanoTime()
        dog.started(timeoutNanos)
        fired.await(5, TimeUnit.SECONDS) shouldBe true
        val waitedMillis = (System.nanoTime() - started) / 1_000_000
        (waitedMillis >= timeoutMillis) shouldBe true
        dog.fired shouldBe true
        Thread.sleep(3 * timeoutMillis)
        calls.get() shouldBe 1
    }

    @Test
    fun `short reads back to back for several timeouts never fire, each read is measured from its own start`() {
        val calls = AtomicInteger()
        val dog = IoWatchdog { calls.incrementAndGet() }
        val until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5 * timeoutMillis)
        while (System.nanoTime() < until) {
            dog.started(timeoutNanos)
            Thread.sleep(timeoutMillis * 3 / 4) // each read shorter than the timeout, but spanning timer checks
            dog.ended()
        }
        calls.get() shouldBe 0
        dog.fired shouldBe false
    }

    @Test
    fun `an idle connection never fires, and a closed watchdog never fires`() {
        val calls = AtomicInteger()
        val idle = IoWatchdog { calls.incrementAndGet() }
        idle.started(timeoutNanos)
        idle.ended()
        Thread.sleep(3 * timeoutMillis)

        val closed = IoWatchdog { calls.incrementAndGet() }
        closed.started(timeoutNanos)
        closed.close()
        Thread.sleep(3 * timeoutMillis)

        calls.get() shouldBe 0
    }

    @Test
    fun `an operation with a shorter bound than the armed one fires at its own deadline`() {
        val fired = CountDownLatch(1)
        val dog = IoWatchdog { fired.countDown() }
        dog.started(TimeUnit.SECONDS.toNanos(60)) // a long read bound arms the timer a minute ahead
        dog.ended()
        val started = System.nanoTime()
        dog.started(timeoutNanos) // a write bounded much shorter
        fired.await(5, TimeUnit.SECONDS) shouldBe true
        ((System.nanoTime() - started) / 1_000_000 >= timeoutMillis) shouldBe true
        dog.fired shouldBe true
    }
}

package org.boltkt.client.connection

import io.kotest.matchers.shouldBe
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/** The receive-timeout watchdog with short timeouts: what fires, what does not, on the real timer thread. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiveWatchdogTest {
    private val timeoutMillis = 200L

    @Test
    fun `a read waiting longer than the timeout fires it once`() {
        val fired = CountDownLatch(1)
        val calls = AtomicInteger()
        val dog = ReceiveWatchdog(TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) { calls.incrementAndGet(); fired.countDown() }
        val started = System.nanoTime()
        dog.readStarted()
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
        val dog = ReceiveWatchdog(TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) { calls.incrementAndGet() }
        val until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5 * timeoutMillis)
        while (System.nanoTime() < until) {
            dog.readStarted()
            Thread.sleep(timeoutMillis * 3 / 4) // each read shorter than the timeout, but spanning timer checks
            dog.readEnded()
        }
        calls.get() shouldBe 0
        dog.fired shouldBe false
    }

    @Test
    fun `an idle connection never fires, and a closed watchdog never fires`() {
        val calls = AtomicInteger()
        val idle = ReceiveWatchdog(TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) { calls.incrementAndGet() }
        idle.readStarted()
        idle.readEnded()
        Thread.sleep(3 * timeoutMillis)

        val closed = ReceiveWatchdog(TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) { calls.incrementAndGet() }
        closed.readStarted()
        closed.close()
        Thread.sleep(3 * timeoutMillis)

        calls.get() shouldBe 0
    }
}

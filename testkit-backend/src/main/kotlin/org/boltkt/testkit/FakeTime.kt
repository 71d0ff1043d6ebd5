package org.boltkt.testkit

import org.boltkt.client.Ticker
import java.time.Clock
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/**
 * testkit's fake time (`Backend:MockTime`): real time until `FakeTimeInstall` freezes it, `FakeTimeTick` moves it
 * forward, `FakeTimeUninstall` lets it run again from where it stands (never backwards). Every driver the backend
 * creates reads it as its [Ticker], every bearer auth manager as its [Clock], so a test may install it after
 * creating them. Thread-safe.
 */
class FakeTime : Ticker {
    private class Frozen(val nanos: Long, val wall: Instant)

    @Volatile private var frozen: Frozen? = null
    @Volatile private var shiftNanos = 0L // added to real time once running again after an uninstall

    override fun read(): Long = synchronized(this) { frozen?.nanos ?: (System.nanoTime() + shiftNanos) }

    private fun wallNow(): Instant = synchronized(this) { frozen?.wall ?: Instant.now().plusNanos(shiftNanos) }

    /** The same time as a [Clock] (UTC), for what measures wall-clock expiry. */
    val clock: Clock = object : Clock() {
        override fun getZone(): ZoneId = ZoneOffset.UTC
        override fun withZone(zone: ZoneId): Clock = this
        override fun instant(): Instant = wallNow()
    }

    fun install(): Unit = synchronized(this) {
        if (frozen == null) frozen = Frozen(read(), wallNow())
    }

    fun tick(millis: Long): Unit = synchronized(this) {
        val f = frozen ?: throw BadRequestException("FakeTimeTick without FakeTimeInstall")
        require(millis >= 0) { "time moves forward only: incrementMs $millis" }
        frozen = Frozen(f.nanos + millis * 1_000_000, f.wall.plusMillis(millis))
    }

    fun uninstall(): Unit = synchronized(this) {
        val f = frozen ?: return
        shiftNanos = f.nanos - System.nanoTime()
        frozen = null
    }
}

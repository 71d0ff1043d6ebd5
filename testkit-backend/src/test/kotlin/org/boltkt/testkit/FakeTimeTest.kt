package org.boltkt.testkit

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** testkit's fake time: frozen by install, moved only by tick, running again (never backwards) after uninstall. */
class FakeTimeTest {
    @Test
    fun `install freezes both clocks, tick moves them together, uninstall resumes from there`() {
        val time = FakeTime()
        time.install()
        val nanos = time.read()
        val wall = time.clock.instant()
        Thread.sleep(20)
        assertEquals(nanos, time.read(), "frozen")
        assertEquals(wall, time.clock.instant(), "frozen")
        time.tick(3_600_000)
        assertEquals(nanos + 3_600_000_000_000L, time.read())
        assertEquals(wall.plusSeconds(3600), time.clock.instant())
        time.uninstall()
        val resumed = time.read()
        assertTrue(resumed >= nanos + 3_600_000_000_000L, "time must not run backwards after uninstall")
        Thread.sleep(20)
        assertTrue(time.read() > resumed, "real time runs again")
    }

    @Test
    fun `a tick without install is a bad request`() {
        assertThrows(BadRequestException::class.java) { FakeTime().tick(1) }
    }
}

package org.boltkt.client.transport

import com.sun.management.UnixOperatingSystemMXBean
import kotlinx.coroutines.delay
import java.lang.management.ManagementFactory
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.TimeSource

/** The JVM's open file descriptor count (sockets included), or null where the JVM does not expose it. */
fun openFileDescriptors(): Long? =
    (ManagementFactory.getOperatingSystemMXBean() as? UnixOperatingSystemMXBean)?.openFileDescriptorCount

/** Polls until the open descriptor count is at most [limit] or [within] passed; returns the last count seen. */
suspend fun awaitDescriptorsAtMost(limit: Long, within: Duration): Long? {
    val deadline = TimeSource.Monotonic.markNow() + within
    while (true) {
        val now = openFileDescriptors() ?: return null
        if (now <= limit || deadline.hasPassedNow()) return now
        delay(20.milliseconds)
    }
}

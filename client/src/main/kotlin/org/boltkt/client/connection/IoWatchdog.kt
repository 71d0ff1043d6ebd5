package org.boltkt.client.connection

import java.util.concurrent.ScheduledFuture
import java.util.concurrent.ScheduledThreadPoolExecutor
import java.util.concurrent.TimeUnit

/**
 * Bounds the read or write one connection has in progress: an operation that has been waiting longer than the bound
 * it was [started] with gets [onTimeout] (which closes the transport, so the operation fails and the owner sees
 * [fired]). One operation at a time: a connection reads or writes from one coroutine at a time.
 *
 * Why not `withTimeoutOrNull` around each read or write: that schedules and cancels a task on kotlinx's shared timer
 * thread per operation and wakes it each time (two futex wake-ups per round trip, traced with strace on the P1
 * benchmark). Here a connection has at most one timer task, re-armed only when it fires, or when an operation starts
 * whose deadline comes before the armed one (a write bound shorter than the read bound); never while the connection
 * idles. A timer firing checks the operation in progress, if any, against its own start, so deadlines stay exact.
 *
 * [started]/[ended] are called by the connection's owner; the timer runs on [IoTimer]'s thread.
 */
internal class IoWatchdog(private val onTimeout: () -> Unit) {
    private val lock = Any()
    private var busy = false
    private var deadline = 0L
    private var pending: ScheduledFuture<*>? = null
    private var pendingAt = 0L
    private var generation = 0L
    private var closed = false

    /** True once [onTimeout] ran: the failure of the operation in progress is a timeout. */
    @Volatile
    var fired: Boolean = false
        private set

    /** An operation bounded by [timeoutNanos] starts now. */
    fun started(timeoutNanos: Long) {
        val now = System.nanoTime()
        synchronized(lock) {
            busy = true
            deadline = now + timeoutNanos
            if (closed) return
            val armed = pending
            if (armed == null || pendingAt - deadline > 0) {
                armed?.cancel(false)
                arm(deadline, timeoutNanos)
            }
        }
    }

    /** The operation in progress ended (either way). */
    fun ended() {
        synchronized(lock) { busy = false }
    }

    /** Drops the timer task (the connection is closed). */
    fun close() {
        synchronized(lock) {
            closed = true
            pending?.cancel(false)
            pending = null
        }
    }

    private fun arm(at: Long, delayNanos: Long) {
        val ticket = ++generation
        pendingAt = at
        pending = IoTimer.schedule(delayNanos) { check(ticket) }
    }

    private fun check(ticket: Long) {
        val now = System.nanoTime()
        val expired = synchronized(lock) {
            if (ticket != generation) return // replaced by an earlier deadline meanwhile
            pending = null
            when {
                closed || !busy -> false
                now - deadline >= 0 -> {
                    fired = true
                    true
                }
                else -> {
                    arm(deadline, deadline - now)
                    false
                }
            }
        }
        if (expired) onTimeout()
    }
}

/**
 * The one timer thread of every [IoWatchdog]: a daemon started on first use that ends after 10 s without tasks, so
 * a driver whose connections idle holds no thread for it.
 */
internal object IoTimer {
    private val executor: ScheduledThreadPoolExecutor by lazy {
        ScheduledThreadPoolExecutor(1) { task -> Thread(task, "boltkt-io-timeout").apply { isDaemon = true } }.apply {
            setKeepAliveTime(10, TimeUnit.SECONDS)
            allowCoreThreadTimeOut(true)
            removeOnCancelPolicy = true
        }
    }

    fun schedule(delayNanos: Long, task: () -> Unit): ScheduledFuture<*> =
        executor.schedule(Runnable { task() }, delayNanos, TimeUnit.NANOSECONDS)
}

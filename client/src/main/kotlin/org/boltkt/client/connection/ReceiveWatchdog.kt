package org.boltkt.client.connection

import java.util.concurrent.ScheduledFuture
import java.util.concurrent.ScheduledThreadPoolExecutor
import java.util.concurrent.TimeUnit

/**
 * Enforces the server's `connection.recv_timeout_seconds` hint on one connection: a read that has been waiting for
 * [timeoutNanos] gets [onTimeout] (which closes the transport, so the read fails and the owner sees [fired]).
 *
 * Why not `withTimeoutOrNull` around each read: that schedules and cancels a task on kotlinx's shared timer thread
 * per read and wakes it each time (two futex wake-ups per round trip on a real Neo4j, which always hints 120 s;
 * traced with strace on the P1 benchmark). Here a connection has at most one timer task, re-armed only when it
 * fires: once per [timeoutNanos] while reads continue, never while the connection idles. A timer firing checks
 * the read in progress, if any, against its own start, so the deadline stays exact.
 *
 * [readStarted]/[readEnded] are called by the connection's owner; the timer runs on [ReceiveTimer]'s thread.
 */
internal class ReceiveWatchdog(private val timeoutNanos: Long, private val onTimeout: () -> Unit) {
    private val lock = Any()
    private var reading = false
    private var readStartedAt = 0L
    private var pending: ScheduledFuture<*>? = null
    private var closed = false

    /** True once [onTimeout] ran: the failure of the read in progress is a receive timeout. */
    @Volatile
    var fired: Boolean = false
        private set

    fun readStarted() {
        val now = System.nanoTime()
        synchronized(lock) {
            reading = true
            readStartedAt = now
            if (pending == null && !closed) pending = ReceiveTimer.schedule(timeoutNanos, ::check)
        }
    }

    fun readEnded() {
        synchronized(lock) { reading = false }
    }

    /** Drops the timer task (the connection is closed). */
    fun close() {
        synchronized(lock) {
            closed = true
            pending?.cancel(false)
            pending = null
        }
    }

    private fun check() {
        val now = System.nanoTime()
        val expired = synchronized(lock) {
            pending = null
            when {
                closed || !reading -> false
                now - readStartedAt >= timeoutNanos -> {
                    fired = true
                    true
                }
                else -> {
                    pending = ReceiveTimer.schedule(readStartedAt + timeoutNanos - now, ::check)
                    false
                }
            }
        }
        if (expired) onTimeout()
    }
}

/**
 * The one timer thread of every [ReceiveWatchdog]: a daemon started on first use that ends after 10 s without tasks,
 * so a driver whose server sends no hint, or whose connections idle, holds no thread for it.
 */
internal object ReceiveTimer {
    private val executor: ScheduledThreadPoolExecutor by lazy {
        ScheduledThreadPoolExecutor(1) { task -> Thread(task, "boltkt-receive-timeout").apply { isDaemon = true } }.apply {
            setKeepAliveTime(10, TimeUnit.SECONDS)
            allowCoreThreadTimeOut(true)
            removeOnCancelPolicy = true
        }
    }

    fun schedule(delayNanos: Long, task: () -> Unit): ScheduledFuture<*> =
        executor.schedule(Runnable { task() }, delayNanos, TimeUnit.NANOSECONDS)
}

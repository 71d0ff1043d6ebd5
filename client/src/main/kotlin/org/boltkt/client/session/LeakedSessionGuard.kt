package org.boltkt.client.session

import org.boltkt.client.pool.ConnectionLease
import org.slf4j.Logger
import java.lang.ref.Cleaner

/**
 * Leaked-session detection (`DriverConfig.leakedSessionDetection`): registered with a [Cleaner] for one session, it
 * remembers where the session was opened and the last connection lease it took. When the session becomes
 * unreachable without [closed] and that lease is still held, it logs a WARN with the opening stack trace and takes
 * the connection back ([ConnectionLease.releaseLeaked]: closed, its pool place freed).
 *
 * The cleaning action ([Watch]) must never reach the session, or the session would stay reachable for good: it holds
 * only the stack trace, the logger and the lease (whose connection, pool callback and failure policy do not refer to
 * sessions). A result or transaction of the session keeps the session reachable, so a connection still in use by
 * reachable code is never taken.
 */
internal class LeakedSessionGuard private constructor(private val watch: Watch, private val cleanable: Cleaner.Cleanable) {
    /** The session now holds [lease]; an earlier lease has been or will be released by the session itself. */
    fun holding(lease: ConnectionLease) {
        watch.lease = lease
    }

    /** The session was closed: nothing to watch any more. */
    fun closed() {
        watch.closed = true
        cleanable.clean()
    }

    private class Watch(private val openedAt: Throwable, private val logger: Logger) : Runnable {
        @Volatile var lease: ConnectionLease? = null
        @Volatile var closed = false

        override fun run() {
            if (closed) return
            val held = lease ?: return
            if (held.isReleased || !held.releaseLeaked()) return
            logger.warn(
                "A session was garbage-collected without close() while holding a connection to {}; the connection was " +
                    "closed and its place in the pool freed. Close every session when done with it (in a finally block, " +
                    "or try-with-resources in Java). The session was opened at:",
                held.connection.address, openedAt,
            )
        }
    }

    /** The stack trace of where a leaked session was opened (an exception only as a carrier; never thrown). */
    private class SessionOpenedHere : Throwable("the leaked session was opened here")

    companion object {
        private val cleaner: Cleaner by lazy { Cleaner.create() }

        /** Watches [session]; call on the thread that opens it, so the stack trace shows the caller. */
        fun watch(session: Any, logger: Logger): LeakedSessionGuard {
            val watch = Watch(SessionOpenedHere(), logger)
            return LeakedSessionGuard(watch, cleaner.register(session, watch))
        }
    }
}

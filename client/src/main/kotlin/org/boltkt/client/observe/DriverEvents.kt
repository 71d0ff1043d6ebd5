package org.boltkt.client.observe

import kotlinx.coroutines.currentCoroutineContext
import org.slf4j.Logger
import org.slf4j.LoggerFactory

/**
 * The driver's side of a [DriverListener]: every call goes through [emit], which logs and swallows what the
 * listener throws. Held as a nullable field by the emitting classes (null when no listener is set), and [emit] is
 * inline, so without a listener an event costs one null check: no event object, no lambda, no clock read.
 */
internal class DriverEvents(
    @PublishedApi internal val listener: DriverListener,
    @PublishedApi internal val logger: Logger,
) {
    /** Calls [call] on the listener; [what] names the method in the warning if it throws. */
    inline fun emit(what: String, call: DriverListener.() -> Unit) {
        try {
            listener.call()
        } catch (e: VirtualMachineError) {
            throw e
        } catch (e: Throwable) {
            logger.warn("DriverListener.{} threw; the exception is ignored (listeners must not throw)", what, e)
        }
    }

    /**
     * What the listener captures for a query call now starting, on the calling coroutine's thread: the value a
     * facade carried in [ListenerCallerContext] (captured on its caller's thread) if it was taken for this listener,
     * else [DriverListener.captureCallerContext] called here. Call it before the first suspension of the call.
     */
    suspend fun callerContext(): Any? {
        val carried = currentCoroutineContext()[ListenerCallerContext]
        return if (carried != null && carried.listener === listener) carried.captured else captureFrom(listener, logger)
    }

    /** A `System.nanoTime()` reading for durations reported in events (wall-clock time, never the config's ticker). */
    fun now(): Long = System.nanoTime()

    companion object {
        private val defaultLogger: Logger = LoggerFactory.getLogger("org.boltkt.client")

        /** [DriverListener.captureCallerContext] of [listener], null when it throws (logged, as for events). */
        fun captureFrom(listener: DriverListener, logger: Logger = defaultLogger): Any? = try {
            listener.captureCallerContext()
        } catch (e: VirtualMachineError) {
            throw e
        } catch (e: Throwable) {
            logger.warn("DriverListener.{} threw; the exception is ignored (listeners must not throw)", "captureCallerContext", e)
            null
        }

        /** The events of [listener], or null when there is none (the zero-cost case). */
        fun of(listener: DriverListener?, logger: Logger): DriverEvents? = listener?.let { DriverEvents(it, logger) }
    }
}

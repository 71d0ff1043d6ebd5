package org.boltkt.client.observe

import org.slf4j.Logger

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

    /** A `System.nanoTime()` reading for durations reported in events (wall-clock time, never the config's ticker). */
    fun now(): Long = System.nanoTime()

    companion object {
        /** The events of [listener], or null when there is none (the zero-cost case). */
        fun of(listener: DriverListener?, logger: Logger): DriverEvents? = listener?.let { DriverEvents(it, logger) }
    }
}

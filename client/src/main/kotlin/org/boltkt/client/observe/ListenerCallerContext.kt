package org.boltkt.client.observe

import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext

/**
 * A [DriverListener.captureCallerContext] value taken on a caller's thread and carried in the coroutine that runs
 * the call, for facades that run the driver's suspend functions in coroutines of their own threads (the Java facade
 * does: its calls run on the driver's executor). A query started in a coroutine holding this element gets its value
 * as [QueryStarted.callerContext] instead of one captured on the coroutine's thread. Callers of the Kotlin API need
 * nothing of this: the driver captures on the thread that calls `run`.
 *
 * Immutable and thread-safe. Only the listener it was captured for uses it (a driver with another listener
 * captures its own).
 */
public class ListenerCallerContext private constructor(
    internal val listener: DriverListener,
    internal val captured: Any?,
) : AbstractCoroutineContextElement(Key) {
    /** The key of the element, and the way to capture one. */
    public companion object Key : CoroutineContext.Key<ListenerCallerContext> {
        /**
         * Calls [listener]'s [DriverListener.captureCallerContext] on this thread and returns the value as a context
         * element to add to the coroutine that will run the call; [EmptyCoroutineContext] when [listener] is null
         * (nothing called, nothing allocated). An exception of the listener is logged and swallowed, as for its
         * other methods, and captures null.
         */
        @JvmStatic
        public fun capture(listener: DriverListener?): CoroutineContext {
            if (listener == null) return EmptyCoroutineContext
            return ListenerCallerContext(listener, DriverEvents.captureFrom(listener))
        }
    }

    override fun toString(): String = "ListenerCallerContext($captured)"
}

package org.boltkt.client.observe

import org.slf4j.LoggerFactory

/**
 * [DriverListener.composite]: calls each listener in order, isolating their failures and their
 * [QueryStarted.attachment]s and [QueryStarted.callerContext]s (each kept in an array in the event's slot).
 */
internal class CompositeDriverListener(private val listeners: List<DriverListener>) : DriverListener {
    private val logger = LoggerFactory.getLogger("org.boltkt.client")

    private inline fun each(what: String, call: DriverListener.() -> Unit) {
        for (l in listeners) {
            try {
                l.call()
            } catch (e: VirtualMachineError) {
                throw e
            } catch (e: Throwable) {
                logger.warn("DriverListener.{} threw; the exception is ignored (listeners must not throw)", what, e)
            }
        }
    }

    override fun poolCreated(event: PoolCreated) = each("poolCreated") { poolCreated(event) }
    override fun poolClosed(event: PoolClosed) = each("poolClosed") { poolClosed(event) }
    override fun connectionCreated(event: ConnectionCreated) = each("connectionCreated") { connectionCreated(event) }
    override fun connectionAcquired(event: ConnectionAcquired) = each("connectionAcquired") { connectionAcquired(event) }
    override fun connectionAcquisitionFailed(event: ConnectionAcquisitionFailed) =
        each("connectionAcquisitionFailed") { connectionAcquisitionFailed(event) }
    override fun connectionReleased(event: ConnectionReleased) = each("connectionReleased") { connectionReleased(event) }
    override fun connectionClosed(event: ConnectionClosed) = each("connectionClosed") { connectionClosed(event) }
    override fun reauthenticated(event: Reauthenticated) = each("reauthenticated") { reauthenticated(event) }
    override fun transactionRetried(event: TransactionRetried) = each("transactionRetried") { transactionRetried(event) }
    override fun routingTableUpdated(event: RoutingTableUpdated) = each("routingTableUpdated") { routingTableUpdated(event) }

    override fun captureCallerContext(): Any? =
        Slots(Array(listeners.size) { i -> DriverEvents.captureFrom(listeners[i], logger) })

    override fun queryStarted(event: QueryStarted) {
        val slots = arrayOfNulls<Any>(listeners.size)
        val callers = (event.callerContext as? Slots)?.values
        listeners.forEachIndexed { i, l ->
            event.attachment = null
            event.callerContext = callers?.get(i)
            try {
                l.queryStarted(event)
            } catch (e: VirtualMachineError) {
                throw e
            } catch (e: Throwable) {
                logger.warn("DriverListener.{} threw; the exception is ignored (listeners must not throw)", "queryStarted", e)
            }
            slots[i] = event.attachment
        }
        event.attachment = Slots(slots)
        event.callerContext = callers?.let(::Slots)
    }

    override fun queryFinished(event: QueryFinished) {
        val slots = (event.started.attachment as? Slots)?.values
        val callers = (event.started.callerContext as? Slots)?.values
        listeners.forEachIndexed { i, l ->
            event.started.attachment = slots?.get(i)
            event.started.callerContext = callers?.get(i)
            try {
                l.queryFinished(event)
            } catch (e: VirtualMachineError) {
                throw e
            } catch (e: Throwable) {
                logger.warn("DriverListener.{} threw; the exception is ignored (listeners must not throw)", "queryFinished", e)
            }
        }
        event.started.attachment = slots?.let(::Slots)
        event.started.callerContext = callers?.let(::Slots)
    }

    private class Slots(val values: Array<Any?>)
}

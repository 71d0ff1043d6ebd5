package org.boltkt.client.observe

import java.util.concurrent.CopyOnWriteArrayList

/** Keeps every event it is given, in order, for tests to inspect. */
class RecordingListener : DriverListener {
    val events: MutableList<Any> = CopyOnWriteArrayList()

    inline fun <reified T> all(): List<T> = events.filterIsInstance<T>()

    override fun poolCreated(event: PoolCreated) { events += event }
    override fun poolClosed(event: PoolClosed) { events += event }
    override fun connectionCreated(event: ConnectionCreated) { events += event }
    override fun connectionAcquired(event: ConnectionAcquired) { events += event }
    override fun connectionAcquisitionFailed(event: ConnectionAcquisitionFailed) { events += event }
    override fun connectionReleased(event: ConnectionReleased) { events += event }
    override fun connectionClosed(event: ConnectionClosed) { events += event }
    override fun reauthenticated(event: Reauthenticated) { events += event }
    override fun queryStarted(event: QueryStarted) { events += event }
    override fun queryFinished(event: QueryFinished) { events += event }
    override fun transactionRetried(event: TransactionRetried) { events += event }
    override fun routingTableUpdated(event: RoutingTableUpdated) { events += event }
}

package org.boltkt.client.session

import org.boltkt.client.DriverConfig
import org.boltkt.client.observe.DriverEvents
import org.boltkt.client.pool.ConnectionSource
import org.boltkt.client.retry.RetryPolicy

/**
 * What sessions share: where connections come from, the settings, the retry policy, the summary builder and the
 * listener's [events] (null when no listener is set).
 */
internal class DriverContext(
    val source: ConnectionSource,
    val config: DriverConfig,
    val retryPolicy: RetryPolicy,
    val summaries: SummaryFactory = SummaryFactory,
    val events: DriverEvents? = null,
)

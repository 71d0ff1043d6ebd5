package org.boltkt.client.transport

import java.net.InetAddress
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * Socket settings applied by every [TransportFactory] when it connects.
 *
 * @property connectTimeout bound for establishing the TCP connection to ONE resolved address; when a host
 *   resolves to several addresses each attempt gets this budget. [Duration.INFINITE] waits for the operating
 *   system's own timeout. Host name resolution is not covered by it.
 * @property tcpNoDelay sets `TCP_NODELAY` (disables Nagle's algorithm); Bolt writes whole requests at once, so
 *   this is on by default.
 * @property keepAlive sets `SO_KEEPALIVE`, so the OS probes idle pooled connections.
 * @property domainNameResolver replaces DNS: maps the host of every address connected to (IP literals included,
 *   IPv6 without brackets) to the IP addresses to try, in order; null uses the system's DNS. See
 *   [org.boltkt.client.DriverConfig.domainNameResolver] for its contract.
 * @throws IllegalArgumentException if [connectTimeout] is not positive.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class TransportOptions internal constructor(
    val connectTimeout: Duration = DEFAULT_CONNECT_TIMEOUT,
    val tcpNoDelay: Boolean = true,
    val keepAlive: Boolean = true,
    val domainNameResolver: (suspend (String) -> List<InetAddress>)? = null,
) {
    init {
        require(connectTimeout.isPositive()) { "connectTimeout must be positive: $connectTimeout" }
    }

    /** Defaults. */
    public companion object {
        /** Connect timeout used when none is configured. */
        public val DEFAULT_CONNECT_TIMEOUT: Duration = 30.seconds

        /** All defaults. */
        public val DEFAULT: TransportOptions = TransportOptions()
    }
}

package org.boltkt.client.transport

/**
 * A server to connect to, as given by the user or a routing table: a host name or IP literal and a TCP port.
 *
 * The host is not resolved here; a [TransportFactory] resolves it when it connects. [toString] gives `host:port`
 * (IPv6 literals in brackets: `[::1]:7687`).
 *
 * @property host host name or IP literal (an IPv6 literal with or without brackets).
 * @property port TCP port.
 * @throws IllegalArgumentException if [host] is blank or [port] is outside 0..65535.
 */
public data class ServerAddress(val host: String, val port: Int) {
    init {
        require(host.isNotBlank()) { "host must not be blank" }
        require(port in 0..MAX_PORT) { "port must be in 0..$MAX_PORT: $port" }
    }

    override fun toString(): String = if (':' in host && !host.startsWith("[")) "[$host]:$port" else "$host:$port"

    /** Constants for server addresses. */
    public companion object {
        /** The default Bolt port. */
        public const val DEFAULT_BOLT_PORT: Int = 7687

        private const val MAX_PORT = 65535
    }
}

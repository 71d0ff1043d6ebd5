package org.boltkt.client.transport

/**
 * Opens [Transport]s. One factory serves many connections and may be used from any thread concurrently.
 *
 * A factory may own resources (a selector thread); [close] releases them. Transports already opened by a closed
 * factory may stop working, so close a factory only after its transports.
 */
public interface TransportFactory : AutoCloseable {
    /**
     * Resolves [address]'s host (off the caller's thread) and connects to each resolved address in order until one
     * accepts, applying [options] (`TCP_NODELAY`, `SO_KEEPALIVE`, [TransportOptions.connectTimeout] per attempt).
     *
     * Cancellation closes any half-open socket and rethrows the cancellation.
     *
     * @throws TransportConnectException if the host does not resolve or no resolved address could be connected;
     *   its [TransportConnectException.timeout] is set when the last attempt timed out.
     * @throws IllegalStateException if the factory is closed.
     */
    public suspend fun connect(address: ServerAddress, options: TransportOptions = TransportOptions.DEFAULT): Transport

    /** Releases the factory's own resources. Idempotent, never throws. The default does nothing. */
    override fun close() {}
}

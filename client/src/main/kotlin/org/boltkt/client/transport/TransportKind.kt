package org.boltkt.client.transport

/** The TCP implementations behind [Transport], chosen by configuration. */
public enum class TransportKind {
    /**
     * The JDK's `AsynchronousSocketChannel` driven directly by coroutines ([NioTransportFactory]): no extra
     * dependency in the data path, lowest latency.
     */
    NIO,

    /** ktor-network sockets over a selector thread ([KtorTransportFactory]). */
    KTOR,
    ;

    /**
     * Creates a new factory of this kind. The caller owns it and must [close][TransportFactory.close] it when done
     * (for [KTOR] that stops its selector; for [NIO] it is a no-op).
     */
    public fun newFactory(): TransportFactory = when (this) {
        NIO -> NioTransportFactory()
        KTOR -> KtorTransportFactory()
    }
}

package org.boltkt.client.transport

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.withTimeoutOrNull

/**
 * A [TransportFactory] that connects with [inner] (any plain factory) and then secures the connection with TLS
 * according to [tls]. Thread-safe; [close] closes [inner].
 *
 * [connect] runs the TLS handshake, bounded by [TransportOptions.connectTimeout]. Cancellation during the
 * handshake closes the socket and rethrows the cancellation. A failed handshake closes the socket and throws a
 * [TransportConnectException] whose message says why and how to fix it: the server does not speak TLS (use
 * `bolt://`), its certificate is not trusted (trust its CA, or `+ssc`), or the certificate does not name the host.
 */
public class TlsTransportFactory(private val inner: TransportFactory, private val tls: TlsSettings) : TransportFactory {
    override suspend fun connect(address: ServerAddress, options: TransportOptions): Transport {
        val plain = inner.connect(address, options)
        val transport = try {
            TlsTransport(plain, tls.newEngine(address))
        } catch (e: Throwable) {
            plain.close()
            throw e
        }
        try {
            withTimeoutOrNull(options.connectTimeout) { transport.handshake() }
                ?: throw TransportConnectException(address, "TLS handshake with $address timed out after ${options.connectTimeout}", timeout = options.connectTimeout)
            return transport
        } catch (e: CancellationException) {
            transport.close()
            throw e
        } catch (e: TransportConnectException) {
            transport.close()
            throw e
        } catch (e: Exception) {
            transport.close()
            throw TlsFailures.explain(address, tls.trust, transport.receivedAny, e)
        }
    }

    override fun close() {
        inner.close()
    }

    override fun toString(): String = "TlsTransportFactory($inner, $tls)"
}

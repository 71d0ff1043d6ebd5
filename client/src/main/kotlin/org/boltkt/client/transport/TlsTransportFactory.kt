package org.boltkt.client.transport

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import java.security.cert.X509Certificate

/**
 * A [TransportFactory] that connects with [inner] (any plain factory) and then secures the connection with TLS
 * according to [tls]. Thread-safe; [close] closes [inner].
 *
 * [connect] runs the TLS handshake, bounded by [TransportOptions.connectTimeout], then (for
 * [TrustStrategy.Callback]) asks the callback on [Dispatchers.IO]. Cancellation during either closes the socket
 * and rethrows the cancellation. A failed handshake closes the socket and throws a [TransportConnectException]
 * whose message says why and how to fix it: the server does not speak TLS (use `bolt://`), its certificate is not
 * trusted (trust its CA, or `+ssc`), the certificate does not name the host, the trust callback rejected it, or
 * the server wants a (different) client certificate; the certificate cases have
 * [TransportConnectException.certificateRejected] set.
 */
public class TlsTransportFactory(private val inner: TransportFactory, private val tls: TlsSettings) : TransportFactory {
    override suspend fun connect(address: ServerAddress, options: TransportOptions): Transport {
        val plain = inner.connect(address, options)
        val (engine, certificate) = try {
            tls.newEngine(address)
        } catch (e: Throwable) {
            plain.close()
            throw e
        }
        val transport = TlsTransport(plain, engine) {
            TlsFailures.refusedByServer(address, certificate, tls.clientCertificateRequested(engine), it)
        }
        try {
            withTimeoutOrNull(options.connectTimeout) { transport.handshake() }
                ?: throw TransportConnectException(address, "TLS handshake with $address timed out after ${options.connectTimeout}", timeout = options.connectTimeout)
            (tls.trust as? TrustStrategy.Callback)?.let { askCallback(it.callback, address, transport) }
            return transport
        } catch (e: CancellationException) {
            transport.close()
            throw e
        } catch (e: TransportConnectException) {
            transport.close()
            throw e
        } catch (e: Exception) {
            transport.close()
            throw TlsFailures.explain(address, tls.trust, certificate, tls.clientCertificateRequested(engine), transport.receivedAny, e)
        }
    }

    private suspend fun askCallback(callback: ServerCertificateCallback, address: ServerAddress, transport: TlsTransport) {
        val chain = transport.peerCertificates().filterIsInstance<X509Certificate>()
        if (chain.isEmpty()) throw TransportConnectException(address, "TLS handshake with $address: the server sent no X.509 certificate", certificateRejected = true)
        val remote = transport.remoteAddress
        val server = ServerCertificateInfo(address.host, address.port, remote.address?.hostAddress ?: remote.hostString, chain)
        val decision = try {
            withContext(Dispatchers.IO) { callback.check(server) }
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            throw TlsFailures.rejectedByCallback(address, server, "the callback threw ${e.javaClass.simpleName}: ${e.message}", e)
        }
        if (decision is TrustDecision.Reject) throw TlsFailures.rejectedByCallback(address, server, decision.reason, null)
    }

    override fun close() {
        inner.close()
    }

    override fun toString(): String = "TlsTransportFactory($inner, $tls)"
}

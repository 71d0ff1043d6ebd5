package org.boltkt.client.transport

import java.security.KeyStore
import java.util.Collections
import java.util.WeakHashMap
import javax.net.ssl.KeyManager
import javax.net.ssl.SNIHostName
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLEngine
import javax.net.ssl.TrustManager
import javax.net.ssl.TrustManagerFactory

/**
 * How [TlsTransportFactory] secures connections: the [trust] strategy, an optional [clientCertificate] for mutual
 * TLS, TLS 1.3 and 1.2 only.
 *
 * Building the settings reads the trust material (PEM files) once; a [TlsSettings] is immutable and thread-safe.
 * [clientCertificate] is asked for the current certificate on every new connection (see
 * [ClientCertificateProvider]); a new certificate gets a new JDK `SSLContext`, the previous one is dropped.
 *
 * @throws IllegalArgumentException if a PEM file cannot be read or holds no certificate (the message names it).
 */
public class TlsSettings(
    public val trust: TrustStrategy = TrustStrategy.SystemCertificates,
    public val clientCertificate: ClientCertificateProvider? = null,
) {
    private val trustManagers: Array<TrustManager> = trustManagers(trust)

    /** Engines whose server asked for a client certificate (weak: engines are dropped with their connections). */
    private val certificateRequests: MutableSet<SSLEngine> = Collections.synchronizedSet(Collections.newSetFromMap(WeakHashMap()))
    private val withoutCertificate: SSLContext = newContext(null)

    /** The context of the certificate the provider returned last (identity), reused while it stays the same. */
    @Volatile private var lastCertificate: Pair<ClientCertificate, SSLContext>? = null

    /** True for the strategies that check the certificate against the host name (system and custom CAs). */
    public val verifiesHostname: Boolean
        get() = trust is TrustStrategy.SystemCertificates || trust is TrustStrategy.CustomCertificates

    /**
     * A client-mode engine for [address], with SNI (host names only) and RFC 2818 host name verification, plus
     * the client certificate it will present (null when none is configured).
     */
    internal fun newEngine(address: ServerAddress): Pair<SSLEngine, ClientCertificate?> {
        val certificate = clientCertificate?.currentCertificate()
        val host = address.host.removePrefix("[").removeSuffix("]")
        val engine = contextFor(certificate).createSSLEngine(host, address.port)
        engine.useClientMode = true
        val params = engine.sslParameters
        params.protocols = PROTOCOLS.filter { it in engine.supportedProtocols }.toTypedArray()
        if (verifiesHostname) params.endpointIdentificationAlgorithm = "HTTPS"
        if (!isIpLiteral(host)) {
            try {
                params.serverNames = listOf(SNIHostName(host))
            } catch (_: IllegalArgumentException) {
                // Not a valid DNS name for SNI (e.g. a single label with odd characters): connect without SNI.
            }
        }
        engine.sslParameters = params
        return engine to certificate
    }

    /** True once the server of [engine] asked for a client certificate during the handshake. */
    internal fun clientCertificateRequested(engine: SSLEngine): Boolean = engine in certificateRequests

    override fun toString(): String = "TlsSettings($trust${clientCertificate?.let { ", client certificate from $it" } ?: ""})"

    private fun contextFor(certificate: ClientCertificate?): SSLContext {
        if (certificate == null) return withoutCertificate
        lastCertificate?.let { (cached, context) -> if (cached === certificate) return context }
        return newContext(certificate).also { lastCertificate = certificate to it }
    }

    private fun newContext(certificate: ClientCertificate?): SSLContext {
        val keys: Array<KeyManager> = arrayOf(ClientKeyManager(certificate) { certificateRequests.add(it) })
        return SSLContext.getInstance("TLS").apply { init(keys, trustManagers, null) }
    }

    private companion object {
        val PROTOCOLS = listOf("TLSv1.3", "TLSv1.2")
        private val IPV4 = Regex("""^\d{1,3}(\.\d{1,3}){3}$""")

        fun isIpLiteral(host: String): Boolean = ':' in host || IPV4.matches(host)

        fun trustManagers(trust: TrustStrategy): Array<TrustManager> = when (trust) {
            TrustStrategy.SystemCertificates -> trustStore(null)
            is TrustStrategy.CustomCertificates -> customTrust(trust)
            // The callback decides after the handshake, with the peer's address at hand.
            TrustStrategy.TrustAllCertificatesInsecure, is TrustStrategy.Callback -> arrayOf(TrustAllManager)
        }

        fun trustStore(store: KeyStore?): Array<TrustManager> =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).apply { init(store) }.trustManagers

        fun customTrust(trust: TrustStrategy.CustomCertificates): Array<TrustManager> {
            val store = KeyStore.getInstance(KeyStore.getDefaultType()).apply { load(null, null) }
            for (file in trust.pemFiles) {
                val certificates = try {
                    PemFiles.certificates(file)
                } catch (e: IllegalArgumentException) {
                    throw IllegalArgumentException("CA ${e.message}", e.cause)
                }
                certificates.forEachIndexed { i, cert -> store.setCertificateEntry("$file#$i", cert) }
            }
            return trustStore(store)
        }
    }
}

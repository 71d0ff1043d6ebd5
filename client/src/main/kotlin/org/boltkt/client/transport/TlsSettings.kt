package org.boltkt.client.transport

import java.io.IOException
import java.nio.file.Files
import java.security.KeyStore
import java.security.cert.CertificateException
import java.security.cert.CertificateFactory
import java.security.cert.X509Certificate
import javax.net.ssl.SNIHostName
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLEngine
import javax.net.ssl.TrustManager
import javax.net.ssl.TrustManagerFactory

/**
 * How [TlsTransportFactory] secures connections: the [trust] strategy, TLS 1.3 and 1.2 only.
 *
 * Building the settings reads the trust material (PEM files) once; a [TlsSettings] is immutable and thread-safe.
 *
 * @throws IllegalArgumentException if a PEM file cannot be read or holds no certificate (the message names it).
 */
public class TlsSettings(public val trust: TrustStrategy = TrustStrategy.SystemCertificates) {
    private val context: SSLContext = buildContext(trust)

    /** True unless [trust] is [TrustStrategy.TrustAllCertificatesInsecure]. */
    public val verifiesHostname: Boolean get() = trust !is TrustStrategy.TrustAllCertificatesInsecure

    /** A client-mode engine for [address], with SNI (host names only) and RFC 2818 host name verification. */
    internal fun newEngine(address: ServerAddress): SSLEngine {
        val host = address.host.removePrefix("[").removeSuffix("]")
        val engine = context.createSSLEngine(host, address.port)
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
        return engine
    }

    override fun toString(): String = "TlsSettings($trust)"

    private companion object {
        val PROTOCOLS = listOf("TLSv1.3", "TLSv1.2")
        private val IPV4 = Regex("""^\d{1,3}(\.\d{1,3}){3}$""")

        fun isIpLiteral(host: String): Boolean = ':' in host || IPV4.matches(host)

        fun buildContext(trust: TrustStrategy): SSLContext {
            val managers: Array<TrustManager>? = when (trust) {
                TrustStrategy.SystemCertificates -> null
                is TrustStrategy.CustomCertificates -> customTrust(trust)
                TrustStrategy.TrustAllCertificatesInsecure -> arrayOf(TrustAllManager)
            }
            return SSLContext.getInstance("TLS").apply { init(null, managers, null) }
        }

        fun customTrust(trust: TrustStrategy.CustomCertificates): Array<TrustManager> {
            val store = KeyStore.getInstance(KeyStore.getDefaultType()).apply { load(null, null) }
            val factory = CertificateFactory.getInstance("X.509")
            for (file in trust.pemFiles) {
                val certificates = try {
                    Files.newInputStream(file).use { factory.generateCertificates(it) }
                } catch (e: IOException) {
                    throw IllegalArgumentException("cannot read CA file $file: ${e.message}", e)
                } catch (e: CertificateException) {
                    throw IllegalArgumentException("CA file $file is not a PEM certificate file: ${e.message}", e)
                }
                require(certificates.isNotEmpty()) { "CA file $file holds no certificate" }
                certificates.filterIsInstance<X509Certificate>().forEachIndexed { i, cert ->
                    store.setCertificateEntry("$file#$i", cert)
                }
            }
            return TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
                .apply { init(store) }.trustManagers
        }
    }
}

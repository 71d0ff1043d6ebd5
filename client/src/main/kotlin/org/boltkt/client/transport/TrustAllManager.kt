package org.boltkt.client.transport

import java.net.Socket
import java.security.cert.X509Certificate
import javax.net.ssl.SSLEngine
import javax.net.ssl.X509ExtendedTrustManager

/**
 * Accepts every server certificate ([TrustStrategy.TrustAllCertificatesInsecure]). Extends
 * [X509ExtendedTrustManager] so the JDK does not wrap it with its own host name checks.
 */
internal object TrustAllManager : X509ExtendedTrustManager() {
    override fun checkServerTrusted(chain: Array<out X509Certificate>?, authType: String?) {}
    override fun checkServerTrusted(chain: Array<out X509Certificate>?, authType: String?, socket: Socket?) {}
    override fun checkServerTrusted(chain: Array<out X509Certificate>?, authType: String?, engine: SSLEngine?) {}
    override fun checkClientTrusted(chain: Array<out X509Certificate>?, authType: String?): Unit = reject()
    override fun checkClientTrusted(chain: Array<out X509Certificate>?, authType: String?, socket: Socket?): Unit = reject()
    override fun checkClientTrusted(chain: Array<out X509Certificate>?, authType: String?, engine: SSLEngine?): Unit = reject()
    override fun getAcceptedIssuers(): Array<X509Certificate> = emptyArray()

    private fun reject(): Nothing = throw java.security.cert.CertificateException("client certificates are not checked by a driver")
}

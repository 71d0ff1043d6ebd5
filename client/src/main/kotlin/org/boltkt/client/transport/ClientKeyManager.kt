package org.boltkt.client.transport

import java.net.Socket
import java.security.Principal
import java.security.PrivateKey
import java.security.cert.X509Certificate
import javax.net.ssl.SSLEngine
import javax.net.ssl.X509ExtendedKeyManager

/**
 * Presents exactly one [ClientCertificate] (none when [certificate] is null) whenever the server asks for one and
 * the key type fits, and tells [onRequest] which engine's server asked (so a later failure can be explained). Unlike
 * the JDK's key managers it ignores the server's list of acceptable issuers, so a certificate the server does not
 * trust is still sent and the server's refusal names the problem instead of a silent "no certificate".
 */
internal class ClientKeyManager(
    private val certificate: ClientCertificate?,
    private val onRequest: (SSLEngine) -> Unit,
) : X509ExtendedKeyManager() {
    private val chain = certificate?.certificateChain?.toTypedArray()

    private fun alias(keyTypes: Array<out String>?): String? =
        ALIAS.takeIf { certificate != null && (keyTypes == null || keyTypes.any { it == certificate.keyType }) }

    override fun chooseClientAlias(keyType: Array<out String>?, issuers: Array<out Principal>?, socket: Socket?): String? = alias(keyType)
    override fun chooseEngineClientAlias(keyType: Array<out String>?, issuers: Array<out Principal>?, engine: SSLEngine?): String? {
        engine?.let(onRequest)
        return alias(keyType)
    }
    override fun getClientAliases(keyType: String?, issuers: Array<out Principal>?): Array<String>? =
        alias(keyType?.let { arrayOf(it) })?.let { arrayOf(it) }
    override fun getCertificateChain(alias: String?): Array<X509Certificate>? = chain?.takeIf { alias == ALIAS }
    override fun getPrivateKey(alias: String?): PrivateKey? = certificate?.privateKey?.takeIf { alias == ALIAS }
    override fun getServerAliases(keyType: String?, issuers: Array<out Principal>?): Array<String>? = null
    override fun chooseServerAlias(keyType: String?, issuers: Array<out Principal>?, socket: Socket?): String? = null

    private companion object {
        const val ALIAS = "boltkt-client"
    }
}

package org.boltkt.client.transport

import java.security.cert.CertPathBuilderException
import java.security.cert.CertPathValidatorException
import java.security.cert.CertificateException

/** Turns a failed TLS handshake into a [TransportConnectException] whose message names the cause and the fix. */
internal object TlsFailures {
    fun explain(address: ServerAddress, trust: TrustStrategy, receivedAny: Boolean, error: Exception): TransportConnectException {
        val chain = generateSequence<Throwable>(error) { it.cause }.toList()
        val detail = chain.last().message ?: chain.last().javaClass.simpleName
        val rejected = chain.any { isHostnameMismatch(it) || it is CertPathBuilderException || it is CertPathValidatorException } ||
            (receivedAny && chain.none { notTls(it) } && chain.any { it is CertificateException })
        val message = when {
            chain.any { isHostnameMismatch(it) } ->
                "TLS handshake with $address failed: the server's certificate does not match the host name " +
                    "'${address.host}' ($detail). Connect with a host name or IP address the certificate names, " +
                    "or use a +ssc scheme (bolt+ssc://) to accept any certificate without authenticating the server"
            chain.any { it is CertPathBuilderException || it is CertPathValidatorException } ->
                "TLS handshake with $address failed: the server's certificate is not trusted by ${describe(trust)} " +
                    "($detail). Trust its CA with bolt:// plus encrypted = true and " +
                    "trustStrategy = TrustStrategy.CustomCertificates(caPemFile), or use a +ssc scheme (bolt+ssc://) " +
                    "to accept any certificate without authenticating the server"
            !receivedAny || chain.any { notTls(it) } ->
                "TLS handshake with $address failed: the server does not speak TLS on this port ($detail). " +
                    "Use bolt:// or neo4j:// (without +s/+ssc and without encrypted = true) for a server without TLS"
            chain.any { it is CertificateException } ->
                "TLS handshake with $address failed: the server's certificate was rejected ($detail). " +
                    "Trust its CA with TrustStrategy.CustomCertificates or use a +ssc scheme"
            else -> "TLS handshake with $address failed: $detail"
        }
        return TransportConnectException(address, message, error, certificateRejected = rejected)
    }

    private fun isHostnameMismatch(t: Throwable): Boolean {
        val m = t.message ?: return false
        return t is CertificateException && (m.startsWith("No subject alternative") || m.startsWith("No name matching"))
    }

    private fun notTls(t: Throwable): Boolean {
        val m = t.message ?: return false
        return "Unsupported or unrecognized SSL message" in m || "plaintext connection" in m || t is PeerClosedDuringHandshake
    }

    private fun describe(trust: TrustStrategy): String = when (trust) {
        TrustStrategy.SystemCertificates -> "the JDK's default trust store (system CAs)"
        is TrustStrategy.CustomCertificates -> "the configured CA files ${trust.pemFiles}"
        TrustStrategy.TrustAllCertificatesInsecure -> "the trust-all strategy"
    }
}

package org.boltkt.client.transport

import java.security.cert.CertPathBuilderException
import java.security.cert.CertPathValidatorException
import java.security.cert.CertificateException

/** Turns a failed TLS handshake into a [TransportConnectException] whose message names the cause and the fix. */
internal object TlsFailures {
    fun explain(
        address: ServerAddress,
        trust: TrustStrategy,
        clientCertificate: ClientCertificate?,
        receivedAny: Boolean,
        error: Exception,
    ): TransportConnectException {
        refusedByServer(address, clientCertificate, error)?.let { return it }
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

    /**
     * The server ended the connection with a certificate alert (TLS 1.2: during the handshake; TLS 1.3: on the first
     * read after it, because the client's handshake completes before the server checks the client certificate):
     * it wants a client certificate, or does not accept the one sent. Null for any other failure.
     */
    fun refusedByServer(address: ServerAddress, clientCertificate: ClientCertificate?, error: Exception): TransportConnectException? {
        val alert = generateSequence<Throwable>(error) { it.cause }
            .firstNotNullOfOrNull { t -> t.message?.let { RECEIVED_ALERT.find(it)?.groupValues?.get(1) } }
            ?.takeIf { it in CLIENT_CERTIFICATE_ALERTS } ?: return null
        val message = if (clientCertificate == null) {
            "TLS connection to $address refused by the server ($alert): the server requires a client certificate " +
                "(mutual TLS). Configure one with clientCertificate = ClientCertificate.fromPem(chainPem, keyPem) or " +
                "ClientCertificate.fromPkcs12(file, password)"
        } else {
            "TLS connection to $address refused by the server ($alert): it did not accept the client certificate " +
                "${clientCertificate.subject} (issued by ${clientCertificate.certificateChain.first().issuerX500Principal.name}). " +
                "Make the server trust its CA (Neo4j: put the CA certificate in the Bolt SSL policy's trusted directory) " +
                "or use a certificate the server trusts"
        }
        return TransportConnectException(address, message, error, certificateRejected = true)
    }

    /** The [TrustStrategy.Callback] rejected [server] (or threw [thrown]). */
    fun rejectedByCallback(address: ServerAddress, server: ServerCertificateInfo, reason: String, thrown: Throwable?): TransportConnectException =
        TransportConnectException(
            address,
            "TLS connection to $address rejected by the trust callback for the server's ${server.keyType} certificate " +
                "${server.certificate.subjectX500Principal.name} (sha256 ${server.fingerprintSha256}, IP ${server.ipAddress}): $reason",
            thrown,
            certificateRejected = true,
        )

    private val RECEIVED_ALERT = Regex("Received fatal alert: ([a-z_]+)")
    private val CLIENT_CERTIFICATE_ALERTS = setOf(
        "certificate_required", "bad_certificate", "certificate_unknown", "unknown_ca", "unsupported_certificate",
        "certificate_expired", "certificate_revoked", "access_denied",
    )

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
        is TrustStrategy.Callback -> "the trust callback"
    }
}

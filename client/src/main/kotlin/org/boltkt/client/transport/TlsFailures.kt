package org.boltkt.client.transport

import java.security.cert.CertPathBuilderException
import java.security.cert.CertPathValidatorException
import java.security.cert.CertificateException
import javax.net.ssl.SSLException

/** Turns a failed TLS handshake into a [TransportConnectException] whose message names the cause and the fix. */
internal object TlsFailures {
    fun explain(
        address: ServerAddress,
        trust: TrustStrategy,
        clientCertificate: ClientCertificate?,
        certificateRequested: Boolean,
        receivedAny: Boolean,
        error: Exception,
    ): TransportConnectException {
        refusedByServer(address, clientCertificate, certificateRequested, error)?.let { return it }
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
     * The server refused the client certificate, or the lack of one: it ended the connection with a certificate
     * alert, or (after asking for a certificate, [certificateRequested]) with a generic handshake_failure alert or
     * by just closing the socket. TLS 1.2 servers do this during the handshake; TLS 1.3 servers after it (the
     * client's side of the handshake completes before the server checks the certificate), so this is also asked
     * for the first failure after the handshake. Null for any other failure.
     */
    fun refusedByServer(
        address: ServerAddress,
        clientCertificate: ClientCertificate?,
        certificateRequested: Boolean,
        error: Exception,
    ): TransportConnectException? {
        val received = generateSequence<Throwable>(error) { it.cause }
            .firstNotNullOfOrNull { t -> t.message?.let { RECEIVED_ALERT.find(it)?.groupValues?.get(1) } }
        val alert = when {
            received != null && received in CLIENT_CERTIFICATE_ALERTS -> received
            !certificateRequested -> return null
            received == "handshake_failure" -> received
            received == null && closedByPeer(error) ->
                "connection closed after the server asked for a client certificate"
            else -> return null
        }
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

    /** The socket failed or hit end of stream (not a TLS verdict of ours, such as an untrusted server certificate). */
    private fun closedByPeer(error: Exception): Boolean {
        val chain = generateSequence<Throwable>(error) { it.cause }.toList()
        val root = chain.last()
        return chain.any { it is PeerClosedDuringHandshake } || (root is java.io.IOException && root !is SSLException)
    }

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

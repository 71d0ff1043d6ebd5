package org.boltkt.client.transport

import java.security.MessageDigest
import java.security.cert.X509Certificate

/**
 * Decides whether to trust a server after the TLS handshake ([TrustStrategy.Callback]), like pymgclient's
 * `trust_callback`: it sees the host, IP address, key type and certificate fingerprint and accepts or rejects.
 * [KnownHostsFile] is a ready-made trust-on-first-use implementation.
 *
 * Called once per new connection, before any Bolt byte is sent, on a thread that may block briefly (file I/O is
 * fine), possibly from several threads at once: implementations must be thread-safe and must not use the driver.
 * Cancelling the connection attempt does not interrupt a running call. A thrown exception rejects the server.
 */
public fun interface ServerCertificateCallback {
    /** Accept or reject [server]. */
    public fun check(server: ServerCertificateInfo): TrustDecision
}

/**
 * What a [ServerCertificateCallback] sees of one server.
 *
 * @property host the host name or IP literal the driver connected to (as in the URI or resolver result).
 * @property port the port connected to.
 * @property ipAddress the IP address the socket is connected to, e.g. `127.0.0.1` or `0:0:0:0:0:0:0:1`.
 * @property certificateChain the chain the server presented, leaf first (not validated by the driver).
 */
public class ServerCertificateInfo(
    public val host: String,
    public val port: Int,
    public val ipAddress: String,
    public val certificateChain: List<X509Certificate>,
) {
    init {
        require(certificateChain.isNotEmpty()) { "a server certificate chain is never empty" }
    }

    /** The server's (leaf) certificate. */
    public val certificate: X509Certificate get() = certificateChain.first()

    /** The certificate's public key algorithm: `RSA`, `EC`, `EdDSA`, ... */
    public val keyType: String get() = certificate.publicKey.algorithm

    /** SHA-256 of the certificate's DER encoding, lowercase hex without separators (64 characters). */
    public val fingerprintSha256: String by lazy { sha256Hex(certificate.encoded) }

    override fun toString(): String = "ServerCertificateInfo($host:$port, $ipAddress, $keyType, sha256 $fingerprintSha256)"

    internal companion object {
        fun sha256Hex(bytes: ByteArray): String =
            MessageDigest.getInstance("SHA-256").digest(bytes).joinToString("") { "%02x".format(it) }
    }
}

/** A [ServerCertificateCallback]'s answer. */
public sealed class TrustDecision {
    /** Trust the server. */
    public data object Accept : TrustDecision()

    /** Refuse the server; [reason] becomes part of the [org.boltkt.client.error.CertificateRejectedException]. */
    public data class Reject(val reason: String) : TrustDecision()

    /** Factories for Java: `TrustDecision.accept()`, `TrustDecision.reject("why")`. */
    public companion object {
        /** [Accept]. */
        @JvmStatic
        public fun accept(): TrustDecision = Accept

        /** [Reject] with [reason]. */
        @JvmStatic
        public fun reject(reason: String): TrustDecision = Reject(reason)
    }
}

package org.boltkt.client.transport

import java.nio.file.Path

/**
 * Which server certificates a TLS connection accepts.
 *
 * - [SystemCertificates] (the default for `bolt+s://` and `neo4j+s://`): the JDK's default trust store, with host
 *   name verification.
 * - [CustomCertificates]: only certificates issued by the CAs in the given PEM files, with host name verification.
 * - [TrustAllCertificatesInsecure] (what `+ssc` schemes use): any certificate, no host name verification. The
 *   traffic is encrypted but the server is NOT authenticated, so a man in the middle goes unnoticed.
 * - [Callback]: a [ServerCertificateCallback] decides after the handshake (e.g. [KnownHostsFile] for trust on first
 *   use); no CA or host name checks besides what the callback does.
 *
 * Host name verification follows RFC 2818 (the certificate's subject alternative names must match the host name or
 * IP literal the driver connects to).
 */
public sealed class TrustStrategy {
    /** The JDK's default trust store (`cacerts`, or whatever `javax.net.ssl.trustStore` points at). */
    public data object SystemCertificates : TrustStrategy()

    /**
     * Trusts exactly the CA (or self-signed server) certificates in [pemFiles]: each file holds one or more
     * `-----BEGIN CERTIFICATE-----` blocks. The files are read when the driver is created.
     *
     * @throws IllegalArgumentException if [pemFiles] is empty.
     */
    public data class CustomCertificates(val pemFiles: List<Path>) : TrustStrategy() {
        init {
            require(pemFiles.isNotEmpty()) { "CustomCertificates needs at least one PEM file" }
        }

        /** Convenience for one or more files. */
        public constructor(vararg pemFiles: Path) : this(pemFiles.toList())
    }

    /**
     * Accepts any certificate and skips host name verification: encryption without authentication. Only for
     * development against servers with self-signed certificates.
     */
    public data object TrustAllCertificatesInsecure : TrustStrategy()

    /**
     * Lets [callback] decide: the handshake accepts any certificate, then, before any Bolt byte is sent, the
     * callback sees the host, IP address, key type, SHA-256 fingerprint and chain, and accepts or rejects. A
     * rejection (or an exception from the callback) fails the connection with a
     * [org.boltkt.client.error.CertificateRejectedException] carrying the callback's reason. The driver checks
     * nothing else (no CA chain, no host name): the callback is the whole verification.
     */
    public class Callback(public val callback: ServerCertificateCallback) : TrustStrategy() {
        override fun toString(): String = "Callback($callback)"
    }
}

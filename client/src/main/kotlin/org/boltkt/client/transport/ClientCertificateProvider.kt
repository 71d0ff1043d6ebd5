package org.boltkt.client.transport

/**
 * Supplies the client certificate for mutual TLS. The driver asks [currentCertificate] each time it opens a new
 * connection; connections already open keep the certificate they were made with. A [ClientCertificate] is a
 * provider of itself; [RotatingClientCertificateProvider] lets an application swap certificates at run time.
 *
 * Called on the connecting coroutine, possibly from many threads at once: implementations must be thread-safe and
 * fast (return a certificate loaded beforehand; do not read files or block here), and must not use the driver.
 * An exception thrown here fails that connection attempt.
 */
public fun interface ClientCertificateProvider {
    /** The certificate new connections present. */
    public fun currentCertificate(): ClientCertificate
}

/**
 * A [ClientCertificateProvider] whose certificate can be replaced with [rotate] (for example when a renewed
 * certificate is written to disk): new connections use the newest certificate. Thread-safe.
 */
public class RotatingClientCertificateProvider(initial: ClientCertificate) : ClientCertificateProvider {
    @Volatile private var current: ClientCertificate = initial

    override fun currentCertificate(): ClientCertificate = current

    /** Makes [next] the certificate of every connection opened from now on. */
    public fun rotate(next: ClientCertificate) {
        current = next
    }

    override fun toString(): String = "RotatingClientCertificateProvider($current)"
}

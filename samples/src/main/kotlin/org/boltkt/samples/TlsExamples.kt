package org.boltkt.samples

import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.transport.ClientCertificate
import org.boltkt.client.transport.KnownHostsFile
import org.boltkt.client.transport.RotatingClientCertificateProvider
import org.boltkt.client.transport.TrustStrategy
import java.nio.file.Path

/**
 * How to connect to TLS servers (quoted in the README's "Connecting with TLS" section). Not run by the samples:
 * the hosts and files are placeholders; it is compiled so the README's code stays valid.
 */
@Suppress("unused")
fun tlsExamples(user: String, password: String): List<Driver> {
    // tag::tls[]
    // bolt+s:// or neo4j+s://: TLS, the server verified against the JVM's trusted CAs and its host name.
    val aura = BoltDriver("neo4j+s://xxxxxxxx.databases.neo4j.io", AuthTokens.basic(user, password))

    // Your own CA, and a client certificate (mutual TLS) that can be swapped while the driver runs.
    val certificates = RotatingClientCertificateProvider(ClientCertificate.fromPem(Path.of("client.pem"), Path.of("client.key")))
    val internal = BoltDriver("bolt://db.internal:7687", AuthTokens.basic(user, password)) {
        encrypted = true
        trustStrategy = TrustStrategy.CustomCertificates(Path.of("ca.pem"))
        clientCertificate = certificates
    }
    certificates.rotate(ClientCertificate.fromPkcs12(Path.of("client-renewed.p12"), "secret".toCharArray()))

    // Trust on first use: remember each server's certificate fingerprint, refuse the connection if it changes.
    val tofu = BoltDriver("bolt://graph.lan:7687", AuthTokens.basic(user, password)) {
        encrypted = true
        trustStrategy = TrustStrategy.Callback(KnownHostsFile(Path.of(System.getProperty("user.home"), ".boltkt", "known_hosts")))
    }
    // end::tls[]
    return listOf(aura, internal, tofu)
}

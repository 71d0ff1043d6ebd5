package org.boltkt.client.tls

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.DriverConfigBuilder
import org.boltkt.client.error.ConfigurationException
import org.boltkt.client.transport.TrustStrategy
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.nio.file.Files
import java.nio.file.Path

/** TLS configuration rules: scheme vs. explicit trust settings, unreadable CA files. */
@Timeout(30)
class TlsConfigTest {
    @Test
    fun `a +s or +ssc scheme combined with explicit TLS settings is refused`() {
        val ca = TrustStrategy.CustomCertificates(TestCertificates.caPem)
        for (uri in listOf("bolt+s://localhost", "neo4j+ssc://localhost")) {
            // testkit (and users searching the message) look for both words: "encryption" and "trust"
            refused(uri, "already sets TLS encryption and its trust") { encrypted = true }
            refused(uri, "already sets TLS encryption and its trust") { encrypted = true; trustStrategy = ca }
        }
    }

    @Test
    fun `a trust strategy without encrypted is refused`() {
        refused("bolt://localhost", "encrypted = true") { trustStrategy = TrustStrategy.SystemCertificates }
        // also with a +s scheme (testkit's explicit-options test looks for "encryption" and "trust")
        refused("bolt+s://localhost", "trustStrategy is only used with TLS encryption") { trustStrategy = TrustStrategy.SystemCertificates }
    }

    @Test
    fun `a client certificate without TLS is refused`() {
        val cert = org.boltkt.client.transport.ClientCertificate.fromPem(TestCertificates.clientRsa.chainPem, TestCertificates.clientRsa.keyPem)
        refused("bolt://localhost", "clientCertificate is only used with TLS") { clientCertificate = cert }
        runBlocking { BoltDriver("bolt+s://localhost") { clientCertificate = cert }.close() }
    }

    @Test
    fun `unreadable or empty CA files are refused naming the file`() {
        val missing = Path.of("no-such-ca.pem")
        refused("bolt://localhost", "no-such-ca.pem") { encrypted = true; trustStrategy = TrustStrategy.CustomCertificates(missing) }
        val empty = Files.createTempFile("empty", ".pem")
        try {
            refused("bolt://localhost", empty.fileName.toString()) { encrypted = true; trustStrategy = TrustStrategy.CustomCertificates(empty) }
        } finally {
            Files.delete(empty)
        }
    }

    @Test
    fun `valid TLS configurations create a driver`() = runBlocking {
        BoltDriver("bolt+s://localhost").close()
        BoltDriver("neo4j+ssc://localhost").close()
        BoltDriver("bolt://localhost") { encrypted = true }.close()
        BoltDriver("bolt://localhost") { encrypted = true; trustStrategy = TrustStrategy.CustomCertificates(TestCertificates.caPem) }.close()
    }

    private fun refused(uri: String, expected: String, configure: DriverConfigBuilder.() -> Unit) {
        val e = assertThrows(ConfigurationException::class.java) { BoltDriver(uri, configure = configure) }
        assertTrue(expected in e.message!!, e.message)
    }
}

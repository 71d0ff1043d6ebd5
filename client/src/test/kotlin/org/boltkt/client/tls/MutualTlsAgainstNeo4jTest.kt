package org.boltkt.client.tls

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.DriverConfigBuilder
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.error.CertificateRejectedException
import org.boltkt.client.record.*
import org.boltkt.client.transport.ClientCertificate
import org.boltkt.client.transport.NioTransportFactory
import org.boltkt.client.transport.RotatingClientCertificateProvider
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TlsSettings
import org.boltkt.client.transport.TlsTransport
import org.boltkt.client.transport.TlsTransportFactory
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.transport.TrustStrategy
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jServers
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.assumeNeo4jAvailable
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.TimeUnit

/**
 * Mutual TLS against real Neo4j servers whose Bolt SSL policy has `client_auth=REQUIRE` and the test client CA in
 * its trusted directory: RSA and EC client keys from PEM and PKCS#12 are accepted, a missing or untrusted client
 * certificate fails with a message naming the fix, a rotated certificate is used by new connections, and the same
 * holds on a TLS 1.2-only server. The servers are private to this class and stopped after it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MutualTlsAgainstNeo4jTest {
    private val pass = TestCertificates.PASSWORD.toCharArray()
    private val rsaPem get() = ClientCertificate.fromPem(TestCertificates.clientRsa.chainPem, TestCertificates.clientRsa.keyPem)
    private val ecPem get() = ClientCertificate.fromPem(TestCertificates.clientEc.chainPem, TestCertificates.clientEc.encryptedKeyPem, pass)
    private val rsaP12 get() = ClientCertificate.fromPkcs12(TestCertificates.clientRsa.pkcs12, pass)
    private val ecP12 get() = ClientCertificate.fromPkcs12(TestCertificates.clientEc.pkcs12, pass)
    private val untrusted get() = ClientCertificate.fromPem(TestCertificates.clientUntrusted.chainPem, TestCertificates.clientUntrusted.keyPem)

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `RSA and EC client certificates from PEM and PKCS12 are accepted`(version: Neo4jVersion) {
        val server = server(version, tls12Only = false)
        for ((label, cert) in listOf("RSA PEM" to rsaPem, "EC PEM (encrypted key)" to ecPem, "RSA PKCS12" to rsaP12, "EC PKCS12" to ecP12)) {
            assertEquals(42L, query(server, cert), label)
        }
        assertEquals(42L, query(server, ecP12) { transport = TransportKind.KTOR }, "EC over the KTOR transport")
        assertEquals("TLSv1.3", negotiated(server, rsaPem))
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `without a client certificate the server's refusal names the fix`(version: Neo4jVersion) {
        for (tls12Only in listOf(false, true)) {
            val server = server(version, tls12Only)
            val e = assertThrows(CertificateRejectedException::class.java) { query(server, null) }
            assertTrue("requires a client certificate" in e.message!! && "clientCertificate = ClientCertificate.fromPem" in e.message!!, e.message)
            assertFalse(e.isRetryable)
        }
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `a client certificate the server does not trust is refused naming it`(version: Neo4jVersion) {
        for (tls12Only in listOf(false, true)) {
            val server = server(version, tls12Only)
            val e = assertThrows(CertificateRejectedException::class.java) { query(server, untrusted) }
            assertTrue("did not accept the client certificate CN=client-untrusted" in e.message!! && "trusted directory" in e.message!!, e.message)
        }
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `a TLS 1_2 only server works with RSA and EC client certificates`(version: Neo4jVersion) {
        val server = server(version, tls12Only = true)
        assertEquals(42L, query(server, rsaPem))
        assertEquals(42L, query(server, ecP12))
        assertEquals("TLSv1.2", negotiated(server, ecPem))
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `new connections use the rotated certificate`(version: Neo4jVersion) {
        val server = server(version, tls12Only = false)
        val provider = RotatingClientCertificateProvider(untrusted)
        runBlocking {
            val driver = driver(server, provider) {}
            try {
                assertThrows(CertificateRejectedException::class.java) { runBlocking { run(driver) } }
                provider.rotate(ecP12)
                assertEquals(42L, run(driver), "the next connection presents the rotated, trusted certificate")
                assertEquals(0, driver.metrics().sumOf { it.inUse })
            } finally {
                driver.close()
            }
        }
    }

    /** The TLS version a direct transport negotiates with [server]. */
    private fun negotiated(server: Neo4jServer, cert: ClientCertificate): String = runBlocking {
        TlsTransportFactory(NioTransportFactory(), TlsSettings(TrustStrategy.CustomCertificates(TestCertificates.caPem), cert)).use { factory ->
            val transport = factory.connect(ServerAddress(server.host, server.port)) as TlsTransport
            try {
                transport.protocol
            } finally {
                transport.close()
            }
        }
    }

    private fun query(server: Neo4jServer, cert: ClientCertificate?, configure: DriverConfigBuilder.() -> Unit = {}): Long = runBlocking {
        val driver = driver(server, cert, configure)
        try {
            run(driver)
        } finally {
            driver.close()
        }
    }

    private suspend fun run(driver: Driver): Long = driver.session().use { it.run("RETURN 42 AS n").single().getLong("n") }

    private fun driver(server: Neo4jServer, cert: org.boltkt.client.transport.ClientCertificateProvider?, configure: DriverConfigBuilder.() -> Unit): Driver =
        BoltDriver("bolt://${server.host}:${server.port}", AuthTokens.basic(server.user, server.password)) {
            maxTransactionRetryTime = kotlin.time.Duration.ZERO
            encrypted = true
            trustStrategy = TrustStrategy.CustomCertificates(TestCertificates.caPem)
            clientCertificate = cert
            configure()
        }

    private fun server(version: Neo4jVersion, tls12Only: Boolean): Neo4jServer {
        assumeNeo4jAvailable(version)
        return servers.computeIfAbsent(version to tls12Only) {
            Neo4jServers.startPrivate(TlsServers.mutualTlsSpec(version, if (tls12Only) "TLSv1.2" else null))
        }
    }

    companion object {
        private val servers = ConcurrentHashMap<Pair<Neo4jVersion, Boolean>, Neo4jServer>()

        @JvmStatic
        @AfterAll
        fun stopServers() {
            servers.values.forEach { runCatching { it.stop() } }
            servers.clear()
        }
    }
}

package org.boltkt.client.tls

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.DriverConfigBuilder
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.error.CertificateRejectedException
import org.boltkt.client.record.*
import org.boltkt.client.transport.KnownHostsFile
import org.boltkt.client.transport.ServerCertificateInfo
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.transport.TrustDecision
import org.boltkt.client.transport.TrustStrategy
import org.boltkt.client.use
import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.nio.file.Files
import java.nio.file.Path
import java.security.KeyStore
import java.security.cert.CertificateFactory
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/**
 * Trust decided by a callback and trust on first use against real Neo4j with Bolt TLS required, plus `neo4j+s://`
 * verified against the JVM's trust store.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TrustCallbackAgainstNeo4jTest {
    /** The server certificate's SHA-256 as `keytool -printcert` computes it (independent of the driver). */
    private val expectedFingerprint: String by lazy {
        val keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString()
        val process = ProcessBuilder(keytool, "-printcert", "-file", TestCertificates.localhost.path.resolve("public.crt").toString())
            .redirectErrorStream(true).start()
        val output = process.inputStream.bufferedReader().readText()
        check(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) { output }
        val line = output.lines().map { it.trim() }.first { it.startsWith("SHA256:") }
        line.removePrefix("SHA256:").trim().replace(":", "").lowercase()
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `the callback sees host, IP, key type and the certificate's fingerprint, and its accept lets the query run`(version: Neo4jVersion) {
        val server = TlsServers.localhost(version)
        for (kind in TransportKind.entries) {
            val seen = CopyOnWriteArrayList<ServerCertificateInfo>()
            val n = query(server) {
                transport = kind
                trustStrategy = TrustStrategy.Callback { seen.add(it); TrustDecision.Accept }
            }
            assertEquals(42L, n)
            val info = seen.first()
            assertEquals(server.host, info.host)
            assertEquals(server.port, info.port)
            assertEquals("127.0.0.1", info.ipAddress)
            assertEquals("RSA", info.keyType)
            assertEquals(expectedFingerprint, info.fingerprintSha256, "over $kind")
            assertEquals("CN=localhost", info.certificate.subjectX500Principal.name)
        }
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `a rejecting or throwing callback fails the connection with its reason`(version: Neo4jVersion) {
        val server = TlsServers.localhost(version)
        val rejected = assertThrows(CertificateRejectedException::class.java) {
            query(server) { trustStrategy = TrustStrategy.Callback { TrustDecision.reject("not on the allow list") } }
        }
        assertTrue("rejected by the trust callback" in rejected.message!! && "not on the allow list" in rejected.message!!, rejected.message)
        assertTrue(expectedFingerprint in rejected.message!!, rejected.message)
        assertFalse(rejected.isRetryable)
        val thrown = assertThrows(CertificateRejectedException::class.java) {
            query(server) { trustStrategy = TrustStrategy.Callback { error("lookup failed") } }
        }
        assertTrue("the callback threw IllegalStateException: lookup failed" in thrown.message!!, thrown.message)
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `trust on first use records the server, accepts it again and rejects a changed certificate`(version: Neo4jVersion, @TempDir dir: Path) {
        val server = TlsServers.localhost(version)
        val file = dir.resolve("known_hosts")
        val tofu = TrustStrategy.Callback(KnownHostsFile(file))
        assertEquals(42L, query(server) { trustStrategy = tofu })
        assertEquals(listOf("${server.host}:${server.port} $expectedFingerprint"), Files.readAllLines(file))
        assertEquals(42L, query(server) { trustStrategy = tofu })
        // The server at this address used to present another certificate (as if it had been replaced).
        val other = "0".repeat(64)
        Files.writeString(file, "# first line\n${server.host}:${server.port} $other\n")
        val e = assertThrows(CertificateRejectedException::class.java) { query(server) { trustStrategy = tofu } }
        assertTrue("certificate of ${server.host}:${server.port} changed" in e.message!!, e.message)
        assertTrue("delete line 2 of ${file.toAbsolutePath()}" in e.message!! && expectedFingerprint in e.message!!, e.message)
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `neo4j+s verifies the server against the JVM trust store`(version: Neo4jVersion, @TempDir dir: Path) {
        val server = TlsServers.localhost(version)
        val store = dir.resolve("truststore.p12")
        KeyStore.getInstance("PKCS12").apply {
            load(null, null)
            Files.newInputStream(TestCertificates.caPem).use { setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(it)) }
            Files.newOutputStream(store).use { store(it, "changeit".toCharArray()) }
        }
        val properties = mapOf("javax.net.ssl.trustStore" to store.toString(), "javax.net.ssl.trustStorePassword" to "changeit", "javax.net.ssl.trustStoreType" to "PKCS12")
        val saved = properties.keys.associateWith { System.getProperty(it) }
        try {
            properties.forEach { (k, v) -> System.setProperty(k, v) }
            assertEquals(42L, query(server, "neo4j+s://${server.host}:${server.port}") {})
        } finally {
            saved.forEach { (k, v) -> if (v == null) System.clearProperty(k) else System.setProperty(k, v) }
        }
        assertThrows(CertificateRejectedException::class.java) { query(server, "neo4j+s://${server.host}:${server.port}") {} }
    }

    private fun query(server: Neo4jServer, uri: String = "bolt://${server.host}:${server.port}", configure: DriverConfigBuilder.() -> Unit): Long = runBlocking {
        val driver = BoltDriver(uri, AuthTokens.basic(server.user, server.password)) {
            maxTransactionRetryTime = kotlin.time.Duration.ZERO
            if (!uri.contains("+s")) encrypted = true
            configure()
        }
        try {
            driver.session().use { it.run("RETURN 42 AS n").single().getLong("n") }
        } finally {
            driver.close()
        }
    }
}

package org.boltkt.client.tls

import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.DriverConfigBuilder
import org.boltkt.client.auth.AuthTokens
import org.boltkt.client.use
import org.boltkt.client.record.*
import org.boltkt.client.error.CertificateRejectedException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.transport.NioTransportFactory
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TlsSettings
import org.boltkt.client.transport.TlsTransport
import org.boltkt.client.transport.TlsTransportFactory
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.transport.TrustStrategy
import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.neo4jServerOrSkip
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.util.concurrent.TimeUnit

/** TLS against real Neo4j servers with Bolt TLS REQUIRED and certificates made at test time. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TlsAgainstNeo4jTest {
    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `custom CA is accepted over NIO and KTOR`(version: Neo4jVersion) {
        val server = TlsServers.localhost(version)
        for (kind in TransportKind.entries) {
            val n = query(server, "bolt://${server.host}:${server.port}") {
                transport = kind
                encrypted = true
                trustStrategy = TrustStrategy.CustomCertificates(TestCertificates.caPem)
            }
            assertEquals(42L, n, "over $kind")
        }
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `bolt+s with system CAs rejects the self-made CA and names the fix`(version: Neo4jVersion) {
        val server = TlsServers.localhost(version)
        val e = assertThrows(CertificateRejectedException::class.java) { query(server, "bolt+s://${server.host}:${server.port}") }
        assertTrue("not trusted" in e.message!! && "+ssc" in e.message!! && "CustomCertificates" in e.message!!, e.message)
        assertFalse(e.isRetryable, "a rejected certificate cannot be fixed by retrying")
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `a managed transaction does not retry a rejected certificate`(version: Neo4jVersion) {
        val server = TlsServers.localhost(version)
        val attempts = java.util.concurrent.atomic.AtomicInteger()
        val started = System.nanoTime()
        assertThrows(CertificateRejectedException::class.java) {
            runBlocking {
                val driver = BoltDriver("bolt+s://${server.host}:${server.port}", AuthTokens.basic(server.user, server.password)) {
                    maxTransactionRetryTime = kotlin.time.Duration.parse("20s")
                }
                try {
                    driver.session().use { s -> s.executeRead { tx -> attempts.incrementAndGet(); tx.run("RETURN 1").consume() } }
                } finally {
                    driver.close()
                }
            }
        }
        assertEquals(0, attempts.get(), "the work never ran: no connection could be opened")
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "failed fast instead of retrying for 20 s")
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `bolt+ssc accepts the self-made certificate`(version: Neo4jVersion) {
        val server = TlsServers.localhost(version)
        assertEquals(42L, query(server, "bolt+ssc://${server.host}:${server.port}"))
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `a certificate for another host is rejected naming the host`(version: Neo4jVersion) {
        val server = TlsServers.wrongHostTls13(version)
        val e = assertThrows(CertificateRejectedException::class.java) {
            query(server, "bolt://${server.host}:${server.port}") {
                encrypted = true
                trustStrategy = TrustStrategy.CustomCertificates(TestCertificates.caPem)
            }
        }
        assertTrue("does not match the host name '${server.host}'" in e.message!! && "+ssc" in e.message!!, e.message)
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `a TLS 1_3 only server works`(version: Neo4jVersion) {
        val server = TlsServers.wrongHostTls13(version)
        assertEquals(42L, query(server, "bolt+ssc://${server.host}:${server.port}"))
        runBlocking {
            TlsTransportFactory(NioTransportFactory(), TlsSettings(TrustStrategy.TrustAllCertificatesInsecure)).use { factory ->
                val transport = factory.connect(ServerAddress(server.host, server.port)) as TlsTransport
                assertEquals("TLSv1.3", transport.protocol)
                transport.close()
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `a plain client against a TLS-required server says TLS is needed`(version: Neo4jVersion) {
        val server = TlsServers.localhost(version)
        val e = assertThrows(ServiceUnavailableException::class.java) { query(server, "bolt://${server.host}:${server.port}") }
        assertTrue("TLS" in e.message!! && "bolt+s://" in e.message!!, e.message)
    }

    @ParameterizedTest
    @EnumSource(Neo4jVersion::class)
    fun `a +ssc client against a plain server says the server does not speak TLS`(version: Neo4jVersion) {
        val server = neo4jServerOrSkip(version)
        val e = assertThrows(ServiceUnavailableException::class.java) { query(server, "bolt+ssc://${server.host}:${server.port}") }
        assertTrue("does not speak TLS" in e.message!! && "bolt://" in e.message!!, e.message)
    }

    private fun query(server: Neo4jServer, uri: String, configure: DriverConfigBuilder.() -> Unit = {}): Long = runBlocking {
        val driver = BoltDriver(uri, AuthTokens.basic(server.user, server.password)) {
            maxTransactionRetryTime = kotlin.time.Duration.ZERO
            configure()
        }
        try {
            driver.session().use { it.run("RETURN 42 AS n").single().getLong("n") }
        } finally {
            driver.close()
        }
    }
}

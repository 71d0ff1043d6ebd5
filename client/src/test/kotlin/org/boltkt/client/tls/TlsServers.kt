package org.boltkt.client.tls

import org.boltkt.testsupport.neo4j.Neo4jServer
import org.boltkt.testsupport.neo4j.Neo4jServerSpec
import org.boltkt.testsupport.neo4j.Neo4jServers
import org.boltkt.testsupport.neo4j.Neo4jVersion
import org.boltkt.testsupport.neo4j.assumeNeo4jAvailable

/** Real Neo4j servers with Bolt TLS REQUIRED, shared per spec for the test run. */
object TlsServers {
    /** The localhost certificate signed by the test CA; Neo4j's default TLS versions. */
    fun localhost(version: Neo4jVersion): Neo4jServer = start(version, TestCertificates.localhost)

    /** A certificate for `wrong.example` (signed by the test CA), TLS 1.3 only. */
    fun wrongHostTls13(version: Neo4jVersion): Neo4jServer =
        start(version, TestCertificates.wrongHost, mapOf("dbms.ssl.policy.bolt.tls_versions" to "TLSv1.3"))

    /**
     * Spec of a server that requires client certificates signed by the client CA ([TestCertificates.localhostMutual]),
     * with [tlsVersions] (e.g. `TLSv1.2`) or Neo4j's default versions. Not shared: callers start and stop it.
     */
    fun mutualTlsSpec(version: Neo4jVersion, tlsVersions: String? = null): Neo4jServerSpec {
        val dir = TestCertificates.localhostMutual.path
        val extra = mapOf(
            "dbms.ssl.policy.bolt.client_auth" to "REQUIRE",
            "dbms.ssl.policy.bolt.trust_all" to "false",
            "dbms.ssl.policy.bolt.trusted_dir" to dir.resolve("trusted").toString(),
            "dbms.ssl.policy.bolt.revoked_dir" to dir.resolve("revoked").toString(),
        ) +
            (tlsVersions?.let { mapOf("dbms.ssl.policy.bolt.tls_versions" to it) } ?: emptyMap())
        return Neo4jServerSpec(version, settings(TestCertificates.localhostMutual, extra), name = "mtls")
    }

    private fun start(version: Neo4jVersion, dir: TestCertificates.ServerDir, extra: Map<String, String> = emptyMap()): Neo4jServer {
        assumeNeo4jAvailable(version)
        return Neo4jServers.get(Neo4jServerSpec(version, settings(dir, extra)))
    }

    private fun settings(dir: TestCertificates.ServerDir, extra: Map<String, String>): Map<String, String> {
        val settings = mapOf(
            "server.bolt.tls_level" to "REQUIRED",
            "dbms.ssl.policy.bolt.enabled" to "true",
            "dbms.ssl.policy.bolt.base_directory" to dir.path.toString(),
            "dbms.ssl.policy.bolt.private_key" to "private.key",
            "dbms.ssl.policy.bolt.public_certificate" to "public.crt",
            "dbms.ssl.policy.bolt.client_auth" to "NONE",
        ) + extra
        return settings
    }
}

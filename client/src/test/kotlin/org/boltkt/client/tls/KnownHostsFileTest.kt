package org.boltkt.client.tls

import org.boltkt.client.transport.KnownHostsFile
import org.boltkt.client.transport.ServerCertificateInfo
import org.boltkt.client.transport.TrustDecision
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.security.cert.CertificateFactory
import java.security.cert.X509Certificate
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** Trust on first use with a known hosts file: record, accept the same certificate, reject a changed one. */
@Timeout(60)
class KnownHostsFileTest {
    private val localhostCert = load(TestCertificates.localhost.path.resolve("public.crt"))
    private val otherCert = load(TestCertificates.wrongHost.path.resolve("public.crt"))

    @Test
    fun `first use records, the same certificate is accepted, a changed one is rejected naming file and line`(@TempDir dir: Path) {
        val file = dir.resolve("sub/known_hosts")
        val hosts = KnownHostsFile(file)
        assertEquals(TrustDecision.Accept, hosts.check(info("db.example", 7687, localhostCert)))
        assertEquals(TrustDecision.Accept, hosts.check(info("db.example", 7688, otherCert)))
        val fingerprint = info("db.example", 7687, localhostCert).fingerprintSha256
        assertEquals(listOf("db.example:7687 $fingerprint", "db.example:7688 ${info("x", 1, otherCert).fingerprintSha256}"), Files.readAllLines(file))
        assertEquals(TrustDecision.Accept, KnownHostsFile(file).check(info("db.example", 7687, localhostCert)))
        val rejected = KnownHostsFile(file).check(info("db.example", 7688, localhostCert))
        rejected as TrustDecision.Reject
        assertTrue("certificate of db.example:7688 changed" in rejected.reason, rejected.reason)
        assertTrue("delete line 2 of ${file.toAbsolutePath()}" in rejected.reason, rejected.reason)
        assertEquals(2, Files.readAllLines(file).size, "a rejection does not rewrite the file")
    }

    @Test
    fun `comments are skipped, IPv6 hosts are bracketed and a malformed line rejects naming it`(@TempDir dir: Path) {
        val file = dir.resolve("known_hosts")
        Files.writeString(file, "# boltkt known hosts\n\n")
        assertEquals(TrustDecision.Accept, KnownHostsFile(file).check(info("::1", 7687, localhostCert)))
        assertTrue(Files.readAllLines(file).last().startsWith("[::1]:7687 "), Files.readString(file))
        Files.writeString(file, "garbage\n", java.nio.file.StandardOpenOption.APPEND)
        val rejected = KnownHostsFile(file).check(info("other", 1, localhostCert)) as TrustDecision.Reject
        assertTrue("line 4 is not 'host:port fingerprint'" in rejected.reason, rejected.reason)
    }

    @Test
    fun `concurrent first uses record a host once`(@TempDir dir: Path) {
        val file = dir.resolve("known_hosts")
        val pool = Executors.newFixedThreadPool(8)
        try {
            val results = (1..32).map { pool.submit<TrustDecision> { KnownHostsFile(file).check(info("h", it % 4, localhostCert)) } }
            assertTrue(results.all { it.get(30, TimeUnit.SECONDS) == TrustDecision.Accept })
        } finally {
            pool.shutdownNow()
        }
        assertEquals(listOf("h:0", "h:1", "h:2", "h:3"), Files.readAllLines(file).map { it.substringBefore(' ') }.sorted())
    }

    @Test
    fun `a torn last line left by an interrupted writer is dropped instead of locking every later connection out`(@TempDir dir: Path) {
        val file = dir.resolve("known_hosts")
        val recorded = "db.example:7687 ${info("x", 1, localhostCert).fingerprintSha256}"
        for (torn in listOf("db.exam", "db.example:7688 3f2a")) {
            Files.writeString(file, "$recorded\n$torn")
            assertEquals(TrustDecision.Accept, KnownHostsFile(file).check(info("db.example", 7688, otherCert)), torn)
            assertEquals(
                listOf(recorded, "db.example:7688 ${info("x", 1, otherCert).fingerprintSha256}"),
                Files.readAllLines(file),
                "the torn line '$torn' is replaced, the complete ones kept",
            )
        }
    }

    @Test
    fun `an unterminated last line that is a complete record is kept (a hand-edited file)`(@TempDir dir: Path) {
        val file = dir.resolve("known_hosts")
        Files.writeString(file, "db.example:7687 ${info("x", 1, localhostCert).fingerprintSha256}")
        assertTrue(KnownHostsFile(file).check(info("db.example", 7687, otherCert)) is TrustDecision.Reject)
    }

    @Test
    fun `an update replaces the file whole, so a reader never sees a half-written line`(@TempDir dir: Path) {
        val file = dir.resolve("known_hosts")
        KnownHostsFile(file).check(info("a", 1, localhostCert))
        val before = Files.readString(file)
        Files.newInputStream(file).use { reader ->
            KnownHostsFile(file).check(info("b", 2, localhostCert))
            assertEquals(before, String(reader.readAllBytes()), "a reader of the old file sees it whole and unchanged")
        }
        assertEquals(listOf("a:1", "b:2"), Files.readAllLines(file).map { it.substringBefore(' ') })
        assertEquals(setOf("known_hosts", "known_hosts.lock"), Files.list(dir).use { s -> s.map { it.fileName.toString() }.toList().toSet() })
    }

    private fun info(host: String, port: Int, cert: X509Certificate) = ServerCertificateInfo(host, port, "127.0.0.1", listOf(cert))

    private fun load(path: Path): X509Certificate =
        Files.newInputStream(path).use { CertificateFactory.getInstance("X.509").generateCertificate(it) as X509Certificate }
}

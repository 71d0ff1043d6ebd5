package org.boltkt.client.tls

import org.boltkt.client.transport.ClientCertificate
import org.boltkt.client.transport.RotatingClientCertificateProvider
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

/** Loading client certificates from PEM and PKCS#12 files generated at test time, and the errors for bad files. */
@Timeout(60)
class ClientCertificateTest {
    private val pass = TestCertificates.PASSWORD.toCharArray()

    @Test
    fun `PEM chain and PKCS8 key load for RSA and EC`() {
        for ((files, type) in listOf(TestCertificates.clientRsa to "RSA", TestCertificates.clientEc to "EC")) {
            val cert = ClientCertificate.fromPem(files.chainPem, files.keyPem)
            assertEquals(type, cert.keyType)
            assertEquals(files.subject, cert.subject)
            assertEquals(2, cert.certificateChain.size, "leaf and CA")
            assertEquals("CN=boltkt test client CA", cert.certificateChain.first().issuerX500Principal.name)
        }
    }

    @Test
    fun `an encrypted PKCS8 key loads with its password and names the problem without or with a wrong one`() {
        val files = TestCertificates.clientEc
        assertEquals("EC", ClientCertificate.fromPem(files.chainPem, files.encryptedKeyPem, pass).keyType)
        assertEquals("RSA", ClientCertificate.fromPem(TestCertificates.clientRsa.chainPem, TestCertificates.clientRsa.encryptedKeyPem, pass).keyType)
        val none = assertThrows(IllegalArgumentException::class.java) { ClientCertificate.fromPem(files.chainPem, files.encryptedKeyPem) }
        assertTrue("is encrypted: pass its password" in none.message!!, none.message)
        val wrong = assertThrows(IllegalArgumentException::class.java) {
            ClientCertificate.fromPem(files.chainPem, files.encryptedKeyPem, "wrong".toCharArray())
        }
        assertTrue("cannot decrypt" in wrong.message!! && files.encryptedKeyPem.toString() in wrong.message!!, wrong.message)
    }

    @Test
    fun `PKCS12 loads for RSA and EC, with the only key entry or a named alias`() {
        for ((files, type) in listOf(TestCertificates.clientRsa to "RSA", TestCertificates.clientEc to "EC")) {
            val cert = ClientCertificate.fromPkcs12(files.pkcs12, pass)
            assertEquals(type, cert.keyType)
            assertEquals(files.subject, cert.subject)
            assertEquals(files.subject, ClientCertificate.fromPkcs12(files.pkcs12, pass, "client").subject)
        }
        val e = assertThrows(IllegalArgumentException::class.java) { ClientCertificate.fromPkcs12(TestCertificates.clientRsa.pkcs12, pass, "nope") }
        assertTrue("no key entry 'nope'" in e.message!!, e.message)
        val wrong = assertThrows(IllegalArgumentException::class.java) { ClientCertificate.fromPkcs12(TestCertificates.clientRsa.pkcs12, "x".toCharArray()) }
        assertTrue("wrong password" in wrong.message!!, wrong.message)
    }

    @Test
    fun `a key that belongs to another certificate is refused`() {
        for ((chain, key) in listOf(
            TestCertificates.clientRsa.chainPem to TestCertificates.clientUntrusted.keyPem,
            TestCertificates.clientEc.chainPem to TestCertificates.clientRsa.keyPem,
        )) {
            val e = assertThrows(IllegalArgumentException::class.java) { ClientCertificate.fromPem(chain, key) }
            assertTrue(key.toString() in e.message!!, e.message)
        }
    }

    @Test
    fun `PKCS1 keys and files without a key are refused naming the conversion`(@TempDir dir: Path) {
        val pkcs1 = dir.resolve("rsa.pem")
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n")
        val e = assertThrows(IllegalArgumentException::class.java) { ClientCertificate.fromPem(TestCertificates.clientRsa.chainPem, pkcs1) }
        assertTrue("openssl pkcs8 -topk8" in e.message!!, e.message)
        val empty = assertThrows(IllegalArgumentException::class.java) {
            ClientCertificate.fromPem(TestCertificates.clientRsa.chainPem, TestCertificates.clientRsa.chainPem)
        }
        assertTrue("exactly one PEM private key" in empty.message!!, empty.message)
        val missing = assertThrows(IllegalArgumentException::class.java) { ClientCertificate.fromPem(dir.resolve("none.pem"), pkcs1) }
        assertTrue("none.pem" in missing.message!!, missing.message)
    }

    @Test
    fun `the rotating provider hands out the newest certificate`() {
        val rsa = ClientCertificate.fromPem(TestCertificates.clientRsa.chainPem, TestCertificates.clientRsa.keyPem)
        val ec = ClientCertificate.fromPkcs12(TestCertificates.clientEc.pkcs12, pass)
        val provider = RotatingClientCertificateProvider(rsa)
        assertSame(rsa, provider.currentCertificate())
        provider.rotate(ec)
        assertSame(ec, provider.currentCertificate())
        assertSame(rsa, rsa.currentCertificate(), "a certificate provides itself")
    }
}

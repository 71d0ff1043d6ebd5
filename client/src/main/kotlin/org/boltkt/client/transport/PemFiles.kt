package org.boltkt.client.transport

import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import java.security.GeneralSecurityException
import java.security.KeyFactory
import java.security.PrivateKey
import java.security.cert.CertificateException
import java.security.cert.CertificateFactory
import java.security.cert.X509Certificate
import java.security.spec.PKCS8EncodedKeySpec
import java.util.Base64
import javax.crypto.Cipher
import javax.crypto.EncryptedPrivateKeyInfo
import javax.crypto.SecretKeyFactory
import javax.crypto.spec.PBEKeySpec

/** Reads PEM certificate chains and PKCS#8 private keys with the JDK only; failures name the file and the fix. */
internal object PemFiles {
    private val BLOCK = Regex("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", RegexOption.DOT_MATCHES_ALL)

    fun certificates(file: Path): List<X509Certificate> {
        val certificates = try {
            Files.newInputStream(file).use { CertificateFactory.getInstance("X.509").generateCertificates(it) }
        } catch (e: IOException) {
            throw IllegalArgumentException("cannot read certificate file $file: ${e.message}", e)
        } catch (e: CertificateException) {
            throw IllegalArgumentException("certificate file $file is not a PEM certificate file: ${e.message}", e)
        }
        val x509 = certificates.filterIsInstance<X509Certificate>()
        require(x509.isNotEmpty()) { "certificate file $file holds no certificate" }
        return x509
    }

    /** The private key in [file] (PKCS#8, encrypted when [password] is given), for a certificate of [algorithm]. */
    fun privateKey(file: Path, algorithm: String, password: CharArray?): PrivateKey {
        val text = try {
            Files.readString(file)
        } catch (e: IOException) {
            throw IllegalArgumentException("cannot read private key file $file: ${e.message}", e)
        }
        val blocks = BLOCK.findAll(text).map { it.groupValues[1] to it.groupValues[2] }.filter { it.first.endsWith("PRIVATE KEY") }.toList()
        require(blocks.size == 1) { "private key file $file must hold exactly one PEM private key block, found ${blocks.size}" }
        val (type, body) = blocks.single()
        require("Proc-Type:" !in body && (type == "PRIVATE KEY" || type == "ENCRYPTED PRIVATE KEY")) {
            "private key file $file holds a '$type' block (PKCS#1/SEC1 or legacy OpenSSL encryption); convert it to " +
                "PKCS#8 with `openssl pkcs8 -topk8 -in <key> -out <key.pk8>` (add -nocrypt for an unencrypted key)"
        }
        val der = try {
            Base64.getMimeDecoder().decode(body.trim())
        } catch (e: IllegalArgumentException) {
            throw IllegalArgumentException("private key file $file is not valid PEM (bad base64): ${e.message}", e)
        }
        val spec = if (type == "ENCRYPTED PRIVATE KEY") {
            requireNotNull(password) { "private key file $file is encrypted: pass its password" }
            decrypt(file, der, password)
        } else {
            PKCS8EncodedKeySpec(der)
        }
        return try {
            KeyFactory.getInstance(algorithm).generatePrivate(spec)
        } catch (e: GeneralSecurityException) {
            throw IllegalArgumentException("private key file $file does not hold a $algorithm key matching the certificate: ${e.message}", e)
        }
    }

    private fun decrypt(file: Path, der: ByteArray, password: CharArray): PKCS8EncodedKeySpec = try {
        val info = EncryptedPrivateKeyInfo(der)
        // For PBES2 the parameters name the real scheme (e.g. PBEWithHmacSHA256AndAES_256); algName is just "PBES2".
        val params = info.algParameters
        val scheme = params?.toString()?.takeIf { it.startsWith("PBEWith") } ?: info.algName
        val key = SecretKeyFactory.getInstance(scheme).generateSecret(PBEKeySpec(password))
        val cipher = Cipher.getInstance(scheme).apply { init(Cipher.DECRYPT_MODE, key, params) }
        info.getKeySpec(cipher)
    } catch (e: IOException) {
        throw IllegalArgumentException("private key file $file is not an encrypted PKCS#8 key: ${e.message}", e)
    } catch (e: GeneralSecurityException) {
        throw IllegalArgumentException(
            "cannot decrypt private key file $file (wrong password, or an encryption scheme this JDK lacks): ${e.message}", e,
        )
    }
}

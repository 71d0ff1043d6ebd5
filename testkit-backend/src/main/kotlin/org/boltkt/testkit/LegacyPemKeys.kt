package org.boltkt.testkit

import java.io.ByteArrayOutputStream
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.util.Base64
import javax.crypto.Cipher
import javax.crypto.spec.IvParameterSpec
import javax.crypto.spec.SecretKeySpec

/**
 * testkit's client keys are PKCS#1 PEM (`RSA PRIVATE KEY`), some encrypted the legacy OpenSSL way (`Proc-Type:
 * 4,ENCRYPTED` + `DEK-Info: AES-256-CBC,<iv>`). boltkt's `ClientCertificate.fromPem` takes PKCS#8 only (and says so),
 * so the backend converts such a file to an unencrypted PKCS#8 PEM file in a temporary directory, as a user would
 * with `openssl pkcs8 -topk8 -nocrypt`. PKCS#8 files are used as they are.
 */
object LegacyPemKeys {
    private val BLOCK = Regex("-----BEGIN RSA PRIVATE KEY-----(.*?)-----END RSA PRIVATE KEY-----", RegexOption.DOT_MATCHES_ALL)
    private val DEK_INFO = Regex("""DEK-Info:\s*AES-(128|192|256)-CBC,([0-9A-Fa-f]{32})""")
    private val RSA_ALGORITHM = byteArrayOf(0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86.toByte(), 0x48, 0x86.toByte(), 0xf7.toByte(), 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00)

    /** [keyFile] itself when it is not PKCS#1, else a PKCS#8 copy (decrypted with [password] when encrypted). */
    fun pkcs8File(keyFile: Path, password: String?): Path {
        val text = Files.readString(keyFile)
        val block = BLOCK.find(text)?.groupValues?.get(1) ?: return keyFile
        val headers = block.lineSequence().filter { ':' in it }.joinToString("\n")
        val body = Base64.getMimeDecoder().decode(block.lineSequence().filter { ':' !in it }.joinToString("").trim())
        val pkcs1 = if ("Proc-Type: 4,ENCRYPTED" in headers) {
            val info = DEK_INFO.find(headers) ?: throw BadRequestException("$keyFile: only AES-CBC legacy PEM encryption is supported")
            decrypt(body, info.groupValues[1].toInt() / 8, hex(info.groupValues[2]), password ?: throw BadRequestException("$keyFile is encrypted and no password was given"))
        } else {
            body
        }
        val pkcs8 = der(0x30, der(0x02, byteArrayOf(0)) + RSA_ALGORITHM + der(0x04, pkcs1))
        val out = Files.createTempFile("testkit-client-key", ".pem")
        out.toFile().deleteOnExit()
        Files.writeString(out, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n")
        return out
    }

    /** OpenSSL's EVP_BytesToKey with MD5 and one round (the legacy PEM key derivation), then AES-CBC. */
    private fun decrypt(data: ByteArray, keyLength: Int, iv: ByteArray, password: String): ByteArray {
        val key = ByteArrayOutputStream()
        var previous = ByteArray(0)
        while (key.size() < keyLength) {
            previous = MessageDigest.getInstance("MD5").digest(previous + password.toByteArray() + iv.copyOf(8))
            key.write(previous)
        }
        val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
        cipher.init(Cipher.DECRYPT_MODE, SecretKeySpec(key.toByteArray().copyOf(keyLength), "AES"), IvParameterSpec(iv))
        return cipher.doFinal(data)
    }

    private fun der(tag: Int, content: ByteArray): ByteArray {
        val n = content.size
        val length = when {
            n < 0x80 -> byteArrayOf(n.toByte())
            n < 0x100 -> byteArrayOf(0x81.toByte(), n.toByte())
            else -> byteArrayOf(0x82.toByte(), (n shr 8).toByte(), n.toByte())
        }
        return byteArrayOf(tag.toByte()) + length + content
    }

    private fun hex(text: String): ByteArray = ByteArray(text.length / 2) { text.substring(2 * it, 2 * it + 2).toInt(16).toByte() }
}

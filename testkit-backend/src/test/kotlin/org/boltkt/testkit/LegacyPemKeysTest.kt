package org.boltkt.testkit

import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.nio.file.Path
import java.util.Base64

class LegacyPemKeysTest {
    private fun resource(name: String): Path = Path.of(javaClass.getResource("/legacy-keys/$name")!!.toURI())

    private fun pkcs8Der(file: Path): ByteArray = Base64.getMimeDecoder().decode(
        Files.readString(file).substringAfter("-----BEGIN PRIVATE KEY-----").substringBefore("-----END PRIVATE KEY-----").trim(),
    )

    @Test
    fun `a PKCS#1 key becomes the PKCS#8 key openssl makes of it`() {
        assertArrayEquals(pkcs8Der(resource("rsa-pkcs8.pem")), pkcs8Der(LegacyPemKeys.pkcs8File(resource("rsa-pkcs1.pem"), null)))
    }

    @Test
    fun `a legacy AES-256-CBC encrypted PKCS#1 key is decrypted with its password`() {
        assertArrayEquals(
            pkcs8Der(resource("rsa-pkcs8.pem")),
            pkcs8Der(LegacyPemKeys.pkcs8File(resource("rsa-pkcs1-aes256.pem"), "boltkt-test")),
        )
    }

    @Test
    fun `a PKCS#8 key is used as it is`() {
        assertEquals(resource("rsa-pkcs8.pem"), LegacyPemKeys.pkcs8File(resource("rsa-pkcs8.pem"), null))
    }
}

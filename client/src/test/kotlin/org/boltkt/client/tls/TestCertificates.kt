package org.boltkt.client.tls

import org.boltkt.testsupport.neo4j.Neo4jServers
import java.nio.file.Files
import java.nio.file.Path
import java.security.AlgorithmParameters
import java.security.KeyStore
import java.security.PrivateKey
import java.security.SecureRandom
import java.security.cert.CertificateFactory
import javax.crypto.Cipher
import javax.crypto.EncryptedPrivateKeyInfo
import javax.crypto.SecretKeyFactory
import javax.crypto.spec.IvParameterSpec
import javax.crypto.spec.PBEKeySpec
import javax.crypto.spec.PBEParameterSpec
import java.util.Base64
import java.util.concurrent.TimeUnit

/**
 * Certificates made at test time with the running JDK's `keytool`: a CA, a server certificate for
 * localhost/127.0.0.1 signed by it, and one for another host. Written once per test JVM under
 * `target/tls-certs/` (a stable path, so Neo4j server specs that point at it are shared across runs).
 */
object TestCertificates {
    private const val PASS = "changeit"

    /** Directory layout Neo4j's SSL policy reads: `private.key`, `public.crt`, `trusted/`, `revoked/`. */
    class ServerDir(val path: Path)

    private val root: Path by lazy { generate(Neo4jServers.buildDirectory().resolve("tls-certs")) }

    /** The CA certificate, PEM. */
    val caPem: Path get() = root.resolve("ca.pem")

    /** Server certificate for localhost and 127.0.0.1, signed by the CA. */
    val localhost: ServerDir get() = ServerDir(root.resolve("localhost"))

    /** PKCS12 keystore (password [PASSWORD], alias `server`) with the localhost key and a self-signed certificate. */
    val localhostKeyStore: Path get() = root.resolve("localhost.p12")

    /** Password of the generated keystores. */
    const val PASSWORD: String = PASS

    /** Server certificate for `wrong.example` only, signed by the CA. */
    val wrongHost: ServerDir get() = ServerDir(root.resolve("wrong-host"))

    /** The localhost server key and certificate, with the client CA in `trusted/` (for `client_auth=REQUIRE`). */
    val localhostMutual: ServerDir get() = ServerDir(root.resolve("localhost-mtls"))

    /** A client certificate's files: PEM chain (leaf + issuing CA), PKCS#8 key (plain and encrypted), PKCS#12. */
    class ClientFiles(dir: Path, name: String) {
        val chainPem: Path = dir.resolve("$name.chain.pem")
        val keyPem: Path = dir.resolve("$name.key.pem")

        /** The key as an `ENCRYPTED PRIVATE KEY` (PBES2, PBEWithHmacSHA256AndAES_256), password [PASSWORD]. */
        val encryptedKeyPem: Path = dir.resolve("$name.key.enc.pem")
        val pkcs12: Path = dir.resolve("$name.p12")
        val subject: String = "CN=$name"
    }

    /** RSA client certificate signed by the client CA the mTLS servers trust. */
    val clientRsa: ClientFiles get() = ClientFiles(root.resolve("clients"), "client-rsa")

    /** EC (P-256) client certificate signed by the client CA the mTLS servers trust. */
    val clientEc: ClientFiles get() = ClientFiles(root.resolve("clients"), "client-ec")

    /** RSA client certificate signed by a CA no server trusts. */
    val clientUntrusted: ClientFiles get() = ClientFiles(root.resolve("clients"), "client-untrusted")

    /** The CA that signs [clientRsa] and [clientEc], PEM. */
    val clientCaPem: Path get() = root.resolve("client-ca.pem")

    private fun generate(dir: Path): Path {
        dir.toFile().deleteRecursively()
        Files.createDirectories(dir)
        val ca = dir.resolve("ca.p12")
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=boltkt test CA",
            "-ext", "bc:c", "-validity", "2", "-keystore", ca, "-storetype", "PKCS12", "-storepass", PASS)
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", PASS, "-file", dir.resolve("ca.pem"))
        server(dir, ca, "localhost", "SAN=dns:localhost,ip:127.0.0.1")
        server(dir, ca, "wrong-host", "SAN=dns:wrong.example")
        val clientCa = dir.resolve("client-ca.p12")
        val rogueCa = dir.resolve("rogue-ca.p12")
        for ((store, cn) in listOf(clientCa to "boltkt test client CA", rogueCa to "boltkt untrusted client CA")) {
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=$cn",
                "-ext", "bc:c", "-validity", "2", "-keystore", store, "-storetype", "PKCS12", "-storepass", PASS)
        }
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", clientCa, "-storepass", PASS, "-file", dir.resolve("client-ca.pem"))
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", rogueCa, "-storepass", PASS, "-file", dir.resolve("rogue-ca.pem"))
        val clients = Files.createDirectories(dir.resolve("clients"))
        client(clients, clientCa, dir.resolve("client-ca.pem"), "client-rsa", "-keyalg", "RSA", "-keysize", "2048")
        client(clients, clientCa, dir.resolve("client-ca.pem"), "client-ec", "-keyalg", "EC", "-groupname", "secp256r1")
        client(clients, rogueCa, dir.resolve("rogue-ca.pem"), "client-untrusted", "-keyalg", "RSA", "-keysize", "2048")
        val mutual = Files.createDirectories(dir.resolve("localhost-mtls"))
        Files.createDirectories(mutual.resolve("revoked"))
        Files.createDirectories(mutual.resolve("trusted"))
        Files.copy(dir.resolve("localhost/private.key"), mutual.resolve("private.key"))
        Files.copy(dir.resolve("localhost/public.crt"), mutual.resolve("public.crt"))
        Files.copy(dir.resolve("client-ca.pem"), mutual.resolve("trusted/client-ca.pem"))
        return dir
    }

    private fun server(dir: Path, ca: Path, name: String, san: String) {
        val out = Files.createDirectories(dir.resolve(name))
        Files.createDirectories(out.resolve("trusted"))
        Files.createDirectories(out.resolve("revoked"))
        val store = dir.resolve("$name.p12")
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=$name",
            "-validity", "2", "-keystore", store, "-storetype", "PKCS12", "-storepass", PASS)
        val csr = dir.resolve("$name.csr")
        keytool("-certreq", "-alias", "server", "-keystore", store, "-storepass", PASS, "-file", csr)
        keytool("-gencert", "-alias", "ca", "-keystore", ca, "-storepass", PASS, "-infile", csr, "-rfc",
            "-ext", san, "-ext", "eku=serverAuth", "-validity", "2", "-outfile", out.resolve("public.crt"))
        val keyStore = KeyStore.getInstance("PKCS12").apply { Files.newInputStream(store).use { load(it, PASS.toCharArray()) } }
        val key = keyStore.getKey("server", PASS.toCharArray()) as PrivateKey
        val pem = Base64.getMimeEncoder(64, "\n".toByteArray()).encodeToString(key.encoded)
        Files.writeString(out.resolve("private.key"), "-----BEGIN PRIVATE KEY-----\n$pem\n-----END PRIVATE KEY-----\n")
    }

    private fun client(dir: Path, ca: Path, caPem: Path, name: String, vararg keyAlg: String) {
        val files = ClientFiles(dir, name)
        val store = dir.resolve("$name.tmp.p12")
        keytool("-genkeypair", "-alias", "client", *keyAlg, "-dname", "CN=$name", "-validity", "2",
            "-keystore", store, "-storetype", "PKCS12", "-storepass", PASS)
        val csr = dir.resolve("$name.csr")
        keytool("-certreq", "-alias", "client", "-keystore", store, "-storepass", PASS, "-file", csr)
        val leafPem = dir.resolve("$name.leaf.pem")
        keytool("-gencert", "-alias", "ca", "-keystore", ca, "-storepass", PASS, "-infile", csr, "-rfc",
            "-ext", "eku=clientAuth", "-validity", "2", "-outfile", leafPem)
        Files.writeString(files.chainPem, Files.readString(leafPem).trimEnd() + "\n" + Files.readString(caPem))
        val keyStore = KeyStore.getInstance("PKCS12").apply { Files.newInputStream(store).use { load(it, PASS.toCharArray()) } }
        val key = keyStore.getKey("client", PASS.toCharArray()) as PrivateKey
        Files.writeString(files.keyPem, pem("PRIVATE KEY", key.encoded))
        Files.writeString(files.encryptedKeyPem, pem("ENCRYPTED PRIVATE KEY", encrypt(key.encoded)))
        val chain = Files.newInputStream(files.chainPem).use { CertificateFactory.getInstance("X.509").generateCertificates(it) }.toTypedArray()
        val p12 = KeyStore.getInstance("PKCS12").apply { load(null, null); setKeyEntry("client", key, PASS.toCharArray(), chain) }
        Files.newOutputStream(files.pkcs12).use { p12.store(it, PASS.toCharArray()) }
    }

    private fun pem(type: String, der: ByteArray): String =
        "-----BEGIN $type-----\n" + Base64.getMimeEncoder(64, "\n".toByteArray()).encodeToString(der) + "\n-----END $type-----\n"

    /** PKCS#8 EncryptedPrivateKeyInfo with PBES2 (HMAC-SHA256 PBKDF2, AES-256-CBC), as `openssl pkcs8 -topk8 -v2 aes-256-cbc` makes. */
    private fun encrypt(pkcs8: ByteArray): ByteArray {
        val algorithm = "PBEWithHmacSHA256AndAES_256"
        val random = SecureRandom()
        val params = PBEParameterSpec(ByteArray(16).also(random::nextBytes), 10_000, IvParameterSpec(ByteArray(16).also(random::nextBytes)))
        val key = SecretKeyFactory.getInstance(algorithm).generateSecret(PBEKeySpec(PASS.toCharArray()))
        val cipher = Cipher.getInstance(algorithm).apply { init(Cipher.ENCRYPT_MODE, key, params) }
        // Re-read the parameters as generic PBES2 ones: the JDK cannot name the PBES2 OID from the scheme's own name.
        val pbes2 = AlgorithmParameters.getInstance("PBES2").apply { init(cipher.parameters.encoded) }
        return EncryptedPrivateKeyInfo(pbes2, cipher.doFinal(pkcs8)).encoded
    }

    private fun keytool(vararg args: Any) {
        val keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString()
        val process = ProcessBuilder(listOf(keytool) + args.map { it.toString() }).redirectErrorStream(true).start()
        val output = process.inputStream.bufferedReader().readText()
        check(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) { "keytool ${args.toList()} failed: $output" }
    }
}

package org.boltkt.client.tls

import org.boltkt.testsupport.neo4j.Neo4jServers
import java.nio.file.Files
import java.nio.file.Path
import java.security.KeyStore
import java.security.PrivateKey
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

    private fun generate(dir: Path): Path {
        dir.toFile().deleteRecursively()
        Files.createDirectories(dir)
        val ca = dir.resolve("ca.p12")
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=boltkt test CA",
            "-ext", "bc:c", "-validity", "2", "-keystore", ca, "-storetype", "PKCS12", "-storepass", PASS)
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", PASS, "-file", dir.resolve("ca.pem"))
        server(dir, ca, "localhost", "SAN=dns:localhost,ip:127.0.0.1")
        server(dir, ca, "wrong-host", "SAN=dns:wrong.example")
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

    private fun keytool(vararg args: Any) {
        val keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString()
        val process = ProcessBuilder(listOf(keytool) + args.map { it.toString() }).redirectErrorStream(true).start()
        val output = process.inputStream.bufferedReader().readText()
        check(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) { "keytool ${args.toList()} failed: $output" }
    }
}

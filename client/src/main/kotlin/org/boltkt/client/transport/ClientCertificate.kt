package org.boltkt.client.transport

import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.PrivateKey
import java.security.Signature
import java.security.cert.X509Certificate

/**
 * A client certificate for mutual TLS: a certificate chain (leaf first) and its private key, RSA or EC. The files
 * are read and checked (the key must belong to the leaf certificate) when the object is created; afterwards it is
 * immutable and thread-safe. It is its own [ClientCertificateProvider] (always itself), so it can be given directly
 * as [org.boltkt.client.DriverConfig.clientCertificate].
 *
 * The certificate is only a second factor: the driver still authenticates the database user with its auth token.
 */
public class ClientCertificate private constructor(
    /** The chain sent to the server, leaf certificate first. */
    public val certificateChain: List<X509Certificate>,
    internal val privateKey: PrivateKey,
) : ClientCertificateProvider {
    /** The key algorithm: `RSA` or `EC`. */
    public val keyType: String get() = privateKey.algorithm

    /** The leaf certificate's subject, e.g. `CN=app-1`. */
    public val subject: String get() = certificateChain.first().subjectX500Principal.name

    /** Always this certificate. */
    override fun currentCertificate(): ClientCertificate = this

    override fun toString(): String = "ClientCertificate($subject, $keyType)"

    /** Loaders; every one throws [IllegalArgumentException] naming the file and what is wrong with it. */
    public companion object {
        /**
         * Reads a PEM certificate chain ([certificateChain]: one or more `CERTIFICATE` blocks, leaf first) and a PEM
         * PKCS#8 private key ([privateKey]: a `PRIVATE KEY` block, or an `ENCRYPTED PRIVATE KEY` block decrypted
         * with [password] using the JDK's PBES2 schemes, e.g. what `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes).
         * PKCS#1 (`RSA PRIVATE KEY`) and SEC1 (`EC PRIVATE KEY`) keys are refused with the `openssl` command that
         * converts them.
         */
        @JvmStatic
        @JvmOverloads
        public fun fromPem(certificateChain: Path, privateKey: Path, password: CharArray? = null): ClientCertificate {
            val chain = PemFiles.certificates(certificateChain)
            val key = PemFiles.privateKey(privateKey, chain.first().publicKey.algorithm, password)
            return checked(chain, key, "$privateKey does not belong to the certificate in $certificateChain")
        }

        /**
         * Reads a PKCS#12 key store ([keyStore], e.g. `client.p12`) whose key entry [alias] (or its only key entry
         * when null) holds the key and chain; [password] opens the store and the key.
         */
        @JvmStatic
        @JvmOverloads
        public fun fromPkcs12(keyStore: Path, password: CharArray, alias: String? = null): ClientCertificate {
            val store = try {
                KeyStore.getInstance("PKCS12").apply { Files.newInputStream(keyStore).use { load(it, password) } }
            } catch (e: IOException) {
                throw IllegalArgumentException("cannot read PKCS#12 key store $keyStore (missing file or wrong password): ${e.message}", e)
            } catch (e: GeneralSecurityException) {
                throw IllegalArgumentException("cannot read PKCS#12 key store $keyStore: ${e.message}", e)
            }
            val keyAliases = store.aliases().toList().filter { store.isKeyEntry(it) }
            val chosen = alias ?: keyAliases.singleOrNull()
                ?: throw IllegalArgumentException("PKCS#12 key store $keyStore holds ${keyAliases.size} key entries $keyAliases: name the alias to use")
            require(chosen in keyAliases) { "PKCS#12 key store $keyStore has no key entry '$chosen' (key entries: $keyAliases)" }
            val key = try {
                store.getKey(chosen, password) as? PrivateKey
            } catch (e: GeneralSecurityException) {
                throw IllegalArgumentException("cannot read key '$chosen' of $keyStore: ${e.message}", e)
            } ?: throw IllegalArgumentException("entry '$chosen' of $keyStore is not a private key")
            val chain = store.getCertificateChain(chosen)?.filterIsInstance<X509Certificate>().orEmpty()
            require(chain.isNotEmpty()) { "key entry '$chosen' of $keyStore has no certificate chain" }
            return checked(chain, key, "the key of '$chosen' in $keyStore does not belong to its certificate")
        }

        /** Proves the key belongs to the leaf certificate by signing and verifying a probe (RSA and EC). */
        private fun checked(chain: List<X509Certificate>, key: PrivateKey, mismatch: String): ClientCertificate {
            val algorithm = when (key.algorithm) {
                "RSA" -> "SHA256withRSA"
                "EC" -> "SHA256withECDSA"
                else -> throw IllegalArgumentException("unsupported client key type ${key.algorithm}: use an RSA or EC key")
            }
            val probe = "boltkt client certificate check".toByteArray()
            val signature = Signature.getInstance(algorithm).apply { initSign(key); update(probe) }.sign()
            val valid = try {
                Signature.getInstance(algorithm).apply { initVerify(chain.first().publicKey); update(probe) }.verify(signature)
            } catch (_: GeneralSecurityException) {
                false
            }
            require(valid) { mismatch }
            return ClientCertificate(chain, key)
        }
    }
}

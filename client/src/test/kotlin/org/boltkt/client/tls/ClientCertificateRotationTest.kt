package org.boltkt.client.tls

import kotlinx.coroutines.runBlocking
import org.boltkt.client.transport.ClientCertificate
import org.boltkt.client.transport.RotatingClientCertificateProvider
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TlsSettings
import org.boltkt.client.transport.TlsTransportFactory
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.transport.TrustStrategy
import org.boltkt.client.transport.TransportConnectException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.net.InetAddress
import java.nio.ByteBuffer
import java.nio.file.Files
import java.security.KeyStore
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLServerSocket
import javax.net.ssl.SSLSocket
import javax.net.ssl.TrustManagerFactory
import kotlin.concurrent.thread

/**
 * A JDK TLS server that requires client certificates and reports the subject each connection presented: new
 * connections use the certificate a [RotatingClientCertificateProvider] holds at that moment, RSA and EC, over
 * both inner transports (the TLS layer is the JDK's, so EC client keys work over KTOR too).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientCertificateRotationTest {
    private val pass = TestCertificates.PASSWORD.toCharArray()

    @ParameterizedTest
    @EnumSource(TransportKind::class)
    fun `new connections present the rotated certificate`(kind: TransportKind) {
        val rsa = ClientCertificate.fromPem(TestCertificates.clientRsa.chainPem, TestCertificates.clientRsa.keyPem)
        val ec = ClientCertificate.fromPkcs12(TestCertificates.clientEc.pkcs12, pass)
        val provider = RotatingClientCertificateProvider(rsa)
        val server = mutualTlsServer()
        val subjects = LinkedBlockingQueue<String>()
        thread(isDaemon = true, name = "mtls-server") {
            while (!server.isClosed) {
                val socket = runCatching { server.accept() as SSLSocket }.getOrNull() ?: break
                socket.use {
                    runCatching {
                        it.startHandshake()
                        subjects.add(it.session.peerPrincipal.name)
                        it.outputStream.write(it.inputStream.read()) // echo one byte: the client sees the server accepted
                    }.onFailure { e -> subjects.add("failed: $e") }
                }
            }
        }
        server.use {
            runBlocking {
                TlsTransportFactory(kind.newFactory(), TlsSettings(TrustStrategy.TrustAllCertificatesInsecure, provider)).use { factory ->
                    for ((expected, rotateTo) in listOf(rsa.subject to ec, ec.subject to rsa, rsa.subject to null)) {
                        val transport = factory.connect(ServerAddress("localhost", server.localPort))
                        transport.writeFully(ByteBuffer.wrap(byteArrayOf(7)))
                        val echo = ByteBuffer.allocate(1)
                        transport.read(echo)
                        transport.close()
                        assertEquals(expected, subjects.poll(10, TimeUnit.SECONDS))
                        assertEquals(7, echo.get(0).toInt())
                        rotateTo?.let(provider::rotate)
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind::class)
    fun `no client certificate for a server that requires one fails naming the fix, on TLS 1_3 and 1_2`(kind: TransportKind) {
        for (protocol in listOf("TLSv1.3", "TLSv1.2")) {
            val server = mutualTlsServer().apply { enabledProtocols = arrayOf(protocol) }
            thread(isDaemon = true, name = "mtls-server") {
                runCatching { (server.accept() as SSLSocket).use { it.startHandshake(); it.outputStream.write(it.inputStream.read()) } }
            }
            server.use {
                val e = assertThrows(TransportConnectException::class.java) {
                    runBlocking {
                        TlsTransportFactory(kind.newFactory(), TlsSettings(TrustStrategy.TrustAllCertificatesInsecure)).use { factory ->
                            // TLS 1.3: the client's handshake completes; the refusal arrives on the first exchange.
                            val transport = factory.connect(ServerAddress("localhost", server.localPort))
                            transport.writeFully(ByteBuffer.wrap(byteArrayOf(7)))
                            transport.read(ByteBuffer.allocate(1))
                            transport.close()
                        }
                    }
                }
                assertTrue(e.certificateRejected, "over $protocol")
                assertTrue("requires a client certificate" in e.message!!, "over $protocol: ${e.message}")
            }
        }
    }

    private fun mutualTlsServer(): SSLServerSocket {
        val keyStore = KeyStore.getInstance("PKCS12").apply {
            Files.newInputStream(TestCertificates.localhostKeyStore).use { load(it, pass) }
        }
        val keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).apply { init(keyStore, pass) }
        val trusted = KeyStore.getInstance("PKCS12").apply {
            load(null, null)
            Files.newInputStream(TestCertificates.clientCaPem).use {
                setCertificateEntry("client-ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(it))
            }
        }
        val trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).apply { init(trusted) }
        val context = SSLContext.getInstance("TLS").apply { init(keys.keyManagers, trust.trustManagers, null) }
        return (context.serverSocketFactory.createServerSocket(0, 5, InetAddress.getLoopbackAddress()) as SSLServerSocket)
            .apply { needClientAuth = true }
    }
}

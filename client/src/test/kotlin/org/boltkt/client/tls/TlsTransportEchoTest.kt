package org.boltkt.client.tls

import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runBlocking
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TlsSettings
import org.boltkt.client.transport.TlsTransportFactory
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.transport.TrustStrategy
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.net.InetAddress
import java.nio.ByteBuffer
import java.nio.file.Files
import java.security.KeyStore
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLServerSocket
import kotlin.concurrent.thread
import kotlin.random.Random

/**
 * [org.boltkt.client.transport.TlsTransport] against a JDK `SSLServerSocket` echo server: large writes and reads
 * (many TLS records, buffer growth) over both inner transports, and close_notify on close.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTransportEchoTest {
    @ParameterizedTest
    @EnumSource(TransportKind::class)
    fun `echoes 1 MB and sends close_notify on close`(kind: TransportKind) {
        val server = echoServer()
        val closeNotifySeen = CompletableFuture<Boolean>()
        thread(isDaemon = true, name = "tls-echo") {
            server.accept().use { socket ->
                val buffer = ByteArray(10_000)
                while (true) {
                    val n = socket.getInputStream().read(buffer) // -1 after the client's close_notify
                    if (n < 0) break
                    socket.getOutputStream().write(buffer, 0, n)
                }
                closeNotifySeen.complete(true)
            }
        }
        val payload = Random(7).nextBytes(1 shl 20)
        runBlocking {
            TlsTransportFactory(kind.newFactory(), TlsSettings(TrustStrategy.TrustAllCertificatesInsecure)).use { factory ->
                val transport = factory.connect(ServerAddress("127.0.0.1", server.localPort))
                val received = ByteBuffer.allocate(payload.size)
                coroutineScope {
                    val read = async {
                        val chunk = ByteBuffer.allocate(3000)
                        while (received.hasRemaining()) {
                            chunk.clear().limit(minOf(chunk.capacity(), received.remaining()))
                            check(transport.read(chunk) > 0) { "unexpected end of stream" }
                            received.put(chunk.flip())
                        }
                    }
                    transport.writeFully(arrayOf(ByteBuffer.wrap(payload, 0, 1000), ByteBuffer.wrap(payload, 1000, payload.size - 1000)))
                    read.await()
                }
                assertArrayEquals(payload, received.array())
                transport.close()
                assertFalse(transport.isOpen)
                assertEquals(true, closeNotifySeen.get(10, TimeUnit.SECONDS))
            }
        }
        server.close()
    }

    private fun echoServer(): SSLServerSocket {
        val keyStore = KeyStore.getInstance("PKCS12").apply {
            Files.newInputStream(TestCertificates.localhostKeyStore).use { load(it, TestCertificates.PASSWORD.toCharArray()) }
        }
        val keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).apply { init(keyStore, TestCertificates.PASSWORD.toCharArray()) }
        val context = SSLContext.getInstance("TLS").apply { init(keys.keyManagers, null, null) }
        return context.serverSocketFactory.createServerSocket(0, 1, InetAddress.getLoopbackAddress()) as SSLServerSocket
    }
}

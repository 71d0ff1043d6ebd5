package org.boltkt.client.tls

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.transport.TransportKind
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.net.InetAddress
import java.net.ServerSocket
import java.net.Socket
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import kotlin.concurrent.thread
import kotlin.time.Duration.Companion.seconds

/** A handshake cancelled midway (server never answers the ClientHello) leaves no socket and no pool permit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsHandshakeCancellationTest {
    @ParameterizedTest
    @EnumSource(TransportKind::class)
    fun `cancelled handshake closes the socket and frees the permit`(kind: TransportKind) {
        ServerSocket(0, 1, InetAddress.getLoopbackAddress()).use { listener ->
            val helloBytes = CompletableFuture<Int>()
            val eofSeen = CompletableFuture<Boolean>()
            thread(isDaemon = true, name = "silent-tls-server") {
                listener.accept().use { socket: Socket ->
                    socket.soTimeout = 30_000
                    val input = socket.getInputStream()
                    val buffer = ByteArray(4096)
                    helloBytes.complete(input.read(buffer)) // the ClientHello; never answered
                    eofSeen.complete(generateSequence { input.read(buffer) }.first { it < 0 } < 0)
                }
            }
            runBlocking {
                val driver = BoltDriver("bolt+ssc://127.0.0.1:${listener.localPort}") { transport = kind }
                try {
                    val attempt = async(Dispatchers.IO) { driver.verifyConnectivity() }
                    val n = helloBytes.get(10, TimeUnit.SECONDS)
                    assertTrue(n > 0, "the client sent a ClientHello")
                    delay(100)
                    attempt.cancel()
                    attempt.join()
                    assertTrue(eofSeen.get(10, TimeUnit.SECONDS), "the server side saw EOF: the client socket was closed")
                    withTimeout(5.seconds) {
                        while (driver.metrics().any { it.inUse != 0 }) delay(10)
                    }
                    assertEquals(0, driver.metrics().sumOf { it.inUse })
                } finally {
                    driver.close()
                }
            }
        }
    }
}

package org.boltkt.testsupport.faults

import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.io.DataInputStream
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.Socket
import java.net.SocketException
import java.net.SocketTimeoutException
import java.util.concurrent.TimeUnit

/** Each fault the proxy injects, observed from a client talking through it to an echo server. */
@Timeout(60)
class FaultProxyTest {
    private val echo = ServerSocket(0, 50, InetAddress.getLoopbackAddress())
    private val proxy = FaultProxy(InetSocketAddress(InetAddress.getLoopbackAddress(), echo.localPort), seed = 42)

    init {
        Thread({
            while (true) {
                val s = try { echo.accept() } catch (_: Exception) { return@Thread }
                Thread({ s.use { it.getInputStream().transferTo(it.getOutputStream()) } }, "echo").apply { isDaemon = true; start() }
            }
        }, "echo-accept").apply { isDaemon = true; start() }
    }

    @AfterEach
    fun tearDown() {
        proxy.close()
        echo.close()
    }

    private fun connect(): Socket = Socket(InetAddress.getLoopbackAddress(), proxy.port).apply { soTimeout = 10_000; tcpNoDelay = true }

    private fun Socket.roundTrip(bytes: ByteArray): ByteArray {
        getOutputStream().write(bytes)
        return ByteArray(bytes.size).also { DataInputStream(getInputStream()).readFully(it) }
    }

    private fun onlyConnection(): ProxiedConnection {
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
        while (proxy.connections.isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait()
        return proxy.connections.single()
    }

    @Test
    fun `bytes pass through unchanged without faults`() = connect().use { s ->
        val data = ByteArray(100_000) { it.toByte() }
        assertArrayEquals(data, s.roundTrip(data))
    }

    @Test
    fun `reset makes the client's read fail with a connection reset`() = connect().use { s ->
        s.roundTrip(byteArrayOf(1))
        proxy.inject(onlyConnection(), Fault.Reset)
        val e = assertThrows(SocketException::class.java) { s.getInputStream().read() }
        assertTrue("reset" in e.message.orEmpty().lowercase(), e.message)
    }

    @Test
    fun `close makes the client read end of stream`() = connect().use { s ->
        s.roundTrip(byteArrayOf(1))
        proxy.inject(onlyConnection(), Fault.Close)
        assertEquals(-1, s.getInputStream().read())
    }

    @Test
    fun `blackhole keeps the socket open and answers nothing until healed`() = connect().use { s ->
        s.roundTrip(byteArrayOf(1))
        proxy.inject(onlyConnection(), Fault.Blackhole)
        s.soTimeout = 300
        s.getOutputStream().write(2)
        assertThrows(SocketTimeoutException::class.java) { s.getInputStream().read() }
        proxy.heal()
        s.soTimeout = 10_000
        assertArrayEquals(byteArrayOf(3), s.roundTrip(byteArrayOf(3)), "the blackholed byte is gone, later ones pass")
    }

    @Test
    fun `a stall holds one direction until healed, then the held bytes arrive`() = connect().use { s ->
        s.roundTrip(byteArrayOf(1))
        proxy.inject(onlyConnection(), Fault.Stall(Direction.TO_CLIENT))
        s.soTimeout = 300
        s.getOutputStream().write(2)
        assertThrows(SocketTimeoutException::class.java) { s.getInputStream().read() }
        assertEquals(2, onlyConnection().forwarded(Direction.TO_SERVER), "the other direction still flows")
        proxy.heal()
        s.soTimeout = 10_000
        assertEquals(2, s.getInputStream().read())
    }

    @Test
    fun `cut after N bytes forwards exactly N then resets`() = connect().use { s ->
        s.roundTrip(byteArrayOf(1))
        proxy.inject(onlyConnection(), Fault.CutAfter(Direction.TO_CLIENT, 5))
        s.getOutputStream().write(ByteArray(20) { 7 })
        val received = ByteArray(20)
        var n = 0
        try {
            while (true) {
                val r = s.getInputStream().read(received, n, received.size - n)
                if (r < 0) break
                n += r
            }
        } catch (_: SocketException) {
        }
        assertEquals(5, n)
    }

    @Test
    fun `flip inverts exactly one byte`() = connect().use { s ->
        s.roundTrip(byteArrayOf(1))
        proxy.inject(onlyConnection(), Fault.FlipByte(Direction.TO_SERVER))
        val data = ByteArray(64) { it.toByte() }
        val back = s.roundTrip(data)
        val differing = data.indices.filter { data[it] != back[it] }
        assertEquals(1, differing.size)
        assertEquals(data[differing[0]].toInt() xor 0xFF, back[differing[0]].toInt() and 0xFF)
    }

    @Test
    fun `throttle bounds the rate`() = connect().use { s ->
        s.roundTrip(byteArrayOf(1))
        proxy.inject(onlyConnection(), Fault.Throttle(Direction.TO_CLIENT, 20_000))
        val start = System.nanoTime()
        s.roundTrip(ByteArray(10_000))
        val seconds = (System.nanoTime() - start) / 1e9
        assertTrue(seconds >= 0.4, "10,000 bytes at 20,000 B/s took $seconds s")
    }

    @Test
    fun `random faults are drawn from the seed, so the same seed injects the same sequence`() {
        fun run(seed: Long): List<Fault> {
            val p = FaultProxy(InetSocketAddress(InetAddress.getLoopbackAddress(), echo.localPort), seed)
            p.use {
                val sockets = (1..3).map { Socket(InetAddress.getLoopbackAddress(), p.port) }
                val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
                while (p.connections.size < 3 && System.nanoTime() < deadline) Thread.onSpinWait()
                val menu = listOf(Fault.Stall(Direction.TO_SERVER), Fault.Throttle(Direction.TO_CLIENT, 1000), Fault.FlipByte(Direction.TO_CLIENT))
                p.startRandomFaults(intervalMillis = 5, menu = menu)
                while (p.injected.size < 10 && System.nanoTime() < deadline) Thread.onSpinWait()
                p.stopRandomFaults()
                sockets.forEach { it.close() }
                return p.injected.take(10).map { it.fault }
            }
        }
        assertEquals(run(7), run(7))
    }
}

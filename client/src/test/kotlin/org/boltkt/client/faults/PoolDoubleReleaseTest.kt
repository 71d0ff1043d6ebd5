package org.boltkt.client.faults

import io.kotest.matchers.shouldBe
import kotlinx.coroutines.runBlocking
import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.pool.ConnectionPool
import org.boltkt.client.pool.PoolSettings
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.Transport
import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.packstream.DecodeLimits
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import java.net.InetSocketAddress
import java.nio.ByteBuffer
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds

/** The pool's own guard: a connection released twice frees one permit, not two. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolDoubleReleaseTest {
    private class IdleTransport : Transport {
        @Volatile private var open = true
        override val remoteAddress: InetSocketAddress = InetSocketAddress("127.0.0.1", 7687)
        override val isOpen: Boolean get() = open
        override suspend fun read(into: ByteBuffer): Int = error("not used")
        override suspend fun writeFully(from: ByteBuffer) = error("not used")
        override fun close() { open = false }
    }

    @Test
    fun `a second release of the same connection changes nothing`(): Unit = runBlocking {
        val address = ServerAddress("127.0.0.1", 7687)
        var opened = 0
        val pool = ConnectionPool(address, PoolSettings(maxSize = 1), connect = {
            opened++
            BoltConnection(IdleTransport(), address, Capabilities.of(BoltVersion(5, 4)), DecodeLimits.DEFAULT, ChunkReassembler.DEFAULT_MAX_MESSAGE_SIZE)
        })
        val first = pool.acquire()
        pool.release(first)
        pool.release(first) // a caller bug: must not free a second permit
        pool.inUseCount shouldBe 0
        val again = pool.acquire() // (a fresh one: the first never said HELLO, so it was not reusable)
        // The one permit is taken: a second acquire must wait (no phantom permit from the double release).
        (withTimeoutOrNullSafe { pool.acquire() } == null) shouldBe true
        pool.release(again)
        pool.inUseCount shouldBe 0
        opened shouldBe 2
    }

    private suspend fun withTimeoutOrNullSafe(block: suspend () -> BoltConnection): BoltConnection? =
        kotlinx.coroutines.withTimeoutOrNull(200.milliseconds) { block() }
}

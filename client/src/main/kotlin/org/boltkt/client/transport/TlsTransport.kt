package org.boltkt.client.transport

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import java.net.InetSocketAddress
import java.nio.ByteBuffer
import java.util.concurrent.atomic.AtomicBoolean
import javax.net.ssl.SSLEngine
import javax.net.ssl.SSLEngineResult.HandshakeStatus
import javax.net.ssl.SSLEngineResult.Status
import javax.net.ssl.SSLException
import javax.net.ssl.SSLHandshakeException

/**
 * [Transport] that encrypts another [Transport] ([inner], any [TransportKind]) with a client-mode [SSLEngine]; see
 * [Transport] for the contract. Created by [TlsTransportFactory], which runs [handshake] before handing it out.
 *
 * One read and one write may run concurrently (the engine allows concurrent wrap and unwrap); everything that
 * writes TLS records, including handshake replies triggered by a read, goes through one [Mutex]. Delegated engine
 * tasks run inline. A TLS failure ([SSLException]) closes the transport and surfaces as [TransportIoException]
 * (or as what [explainFailure] makes of it, e.g. a refused client certificate);
 * cancellation closes it. [close] sends `close_notify` best effort (in the background, bounded by a short timeout)
 * before closing [inner]; a transport closed before its handshake finished closes [inner] at once.
 */
internal class TlsTransport(
    private val inner: Transport,
    private val engine: SSLEngine,
    /**
     * Turns a failure before the first application byte arrived into a clearer connect failure (e.g. the server
     * refused the client certificate), or null to keep the usual exception.
     */
    private val explainFailure: (Exception) -> TransportException? = { null },
) : Transport {
    private val closed = AtomicBoolean(false)
    private val outbound = Mutex()

    @Volatile private var handshakeDone = false

    @Volatile private var endOfStream = false

    /** True once a read handed out application data: failures after that are not about the handshake any more. */
    @Volatile private var applicationDataSeen = false

    /** Encrypted bytes received and not yet unwrapped (write mode). Touched only by the one reader. */
    private var netIn = ByteBuffer.allocate(engine.session.packetBufferSize)

    /** Decrypted bytes not yet handed out (read mode). Touched only by the one reader. */
    private var appIn = ByteBuffer.allocate(engine.session.applicationBufferSize).flip()

    /** Encrypted bytes to send; guarded by [outbound]. */
    private var netOut = ByteBuffer.allocate(engine.session.packetBufferSize)

    /** True once any byte came back from the server (tells "not TLS" apart from a rejected handshake). */
    @Volatile var receivedAny: Boolean = false
        private set

    /** The negotiated protocol (`TLSv1.3`, `TLSv1.2`) once the handshake is done. */
    val protocol: String get() = engine.session.protocol

    override val remoteAddress: InetSocketAddress get() = inner.remoteAddress

    /** The server's certificate chain, leaf first, once the handshake is done. */
    fun peerCertificates(): List<java.security.cert.Certificate> = engine.session.peerCertificates.toList()

    override val isOpen: Boolean get() = !closed.get()

    /** Runs the TLS handshake to completion. Cancellation or failure closes the transport. */
    suspend fun handshake(): Unit = guard("TLS handshake") {
        engine.beginHandshake()
        while (true) {
            when (engine.handshakeStatus) {
                HandshakeStatus.NEED_WRAP -> outbound.withLock { wrapAndSend(EMPTY) }
                HandshakeStatus.NEED_UNWRAP, HandshakeStatus.NEED_UNWRAP_AGAIN -> {
                    if (!unwrapOnce()) throw PeerClosedDuringHandshake()
                }
                HandshakeStatus.NEED_TASK -> runTasks()
                else -> break
            }
        }
        handshakeDone = true
    }

    override suspend fun read(into: ByteBuffer): Int {
        ensureOpen()
        if (!into.hasRemaining()) return 0
        return guard("TLS read") {
            while (!appIn.hasRemaining() && !endOfStream) {
                if (!unwrapOnce()) endOfStream = true
                ensureOpen()
                when (engine.handshakeStatus) {
                    HandshakeStatus.NEED_TASK -> runTasks()
                    HandshakeStatus.NEED_WRAP -> outbound.withLock { wrapAndSend(EMPTY) } // e.g. a KeyUpdate reply
                    else -> {}
                }
            }
            if (!appIn.hasRemaining()) {
                if (!applicationDataSeen) explainFailure(PeerClosedDuringHandshake())?.let { close(); throw it }
                return@guard -1
            }
            applicationDataSeen = true
            val n = minOf(appIn.remaining(), into.remaining())
            into.put(appIn.slice().limit(n) as ByteBuffer)
            appIn.position(appIn.position() + n)
            n
        }
    }

    override suspend fun writeFully(from: ByteBuffer) = writeFully(arrayOf(from))

    override suspend fun writeFully(from: Array<out ByteBuffer>) {
        ensureOpen()
        guard("TLS write") { outbound.withLock { wrapAndSend(from) } }
    }

    override fun close() {
        if (!closed.compareAndSet(false, true)) return
        if (!handshakeDone || !inner.isOpen || !outbound.tryLock()) {
            inner.close()
            return
        }
        val closeNotify = try {
            engine.closeOutbound()
            ByteBuffer.allocate(engine.session.packetBufferSize).also { engine.wrap(EMPTY, it) }.flip()
        } catch (_: SSLException) {
            null
        }
        TlsCloser.sendThenClose(inner, closeNotify) { outbound.unlock() }
    }

    override fun toString(): String = "TlsTransport(${if (isOpen) "open" else "closed"}, ${engine.session.protocol}, $inner)"

    /** Unwraps what is buffered, reading from [inner] on underflow. False when [inner] reached end of stream. */
    private suspend fun unwrapOnce(): Boolean {
        while (true) {
            netIn.flip()
            appIn.compact()
            val result = try {
                engine.unwrap(netIn, appIn)
            } finally {
                netIn.compact()
                appIn.flip()
            }
            when (result.status) {
                Status.OK -> return true
                Status.CLOSED -> return false // the peer sent close_notify
                Status.BUFFER_OVERFLOW -> appIn = grow(appIn, engine.session.applicationBufferSize, readMode = true)
                Status.BUFFER_UNDERFLOW -> {
                    if (netIn.capacity() < engine.session.packetBufferSize || !netIn.hasRemaining()) {
                        netIn = grow(netIn, engine.session.packetBufferSize, readMode = false)
                    }
                    if (inner.read(netIn) < 0) return false
                    receivedAny = true
                }
                null -> error("null SSLEngine status")
            }
        }
    }

    /** Wraps all of [from] (at least one record, even when empty) and sends the records. Caller holds [outbound]. */
    private suspend fun wrapAndSend(from: Array<out ByteBuffer>) {
        do {
            netOut.clear()
            val result = engine.wrap(from, netOut)
            when (result.status) {
                Status.BUFFER_OVERFLOW -> netOut = ByteBuffer.allocate(maxOf(netOut.capacity() * 2, engine.session.packetBufferSize))
                Status.CLOSED -> throw TransportClosedException(remoteAddress)
                else -> {
                    netOut.flip()
                    if (netOut.hasRemaining()) inner.writeFully(netOut)
                    if (result.handshakeStatus == HandshakeStatus.NEED_TASK) runTasks()
                }
            }
        } while (from.any { it.hasRemaining() } || result.status == Status.BUFFER_OVERFLOW)
    }

    private fun runTasks() {
        while (true) (engine.delegatedTask ?: return).run()
    }

    private fun ensureOpen() {
        if (closed.get()) throw TransportClosedException(remoteAddress)
    }

    private inline fun <T> guard(operation: String, block: () -> T): T = try {
        block()
    } catch (e: CancellationException) {
        close()
        throw e
    } catch (e: SSLException) {
        val closedBefore = closed.get()
        close()
        if (!closedBefore && !applicationDataSeen) explainFailure(e)?.let { throw it }
        throw if (closedBefore) TransportClosedException(remoteAddress, e) else TransportIoException(remoteAddress, operation, e)
    } catch (e: TransportException) {
        val closedBefore = closed.get()
        close()
        if (!closedBefore && !applicationDataSeen && e !is TransportConnectException) explainFailure(e)?.let { throw it }
        throw e
    } catch (e: Throwable) {
        close()
        throw e
    }

    private companion object {
        val EMPTY = arrayOf(ByteBuffer.allocate(0))

        /** A buffer with room for [atLeast] more bytes, holding [old]'s content in the same mode. */
        fun grow(old: ByteBuffer, atLeast: Int, readMode: Boolean): ByteBuffer {
            if (readMode) {
                val fresh = ByteBuffer.allocate(old.remaining() + atLeast)
                fresh.put(old).flip()
                return fresh
            }
            old.flip()
            return ByteBuffer.allocate(maxOf(old.capacity() * 2, old.remaining() + atLeast)).put(old)
        }
    }
}

/** The server closed the connection in the middle of the TLS handshake. */
internal class PeerClosedDuringHandshake : SSLHandshakeException("the server closed the connection during the TLS handshake")

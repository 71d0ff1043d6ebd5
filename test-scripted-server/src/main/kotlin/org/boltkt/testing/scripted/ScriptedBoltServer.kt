package org.boltkt.testing.scripted

import java.io.IOException
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.Socket
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * An in-process Bolt server on 127.0.0.1 that plays scripts, for driver tests that need what a real server will
 * not do on demand: faults, quirks, routing answers, protocol edge cases. Test code only.
 *
 * Every accepted connection gets its own thread (named [THREAD_NAME_PREFIX]`...`) that plays the script
 * [ServerScripts.forConnection] picks for its index, with blocking I/O. Whatever the client does that the script
 * did not expect is recorded in [failures] and closes that connection; [assertScriptCompleted] turns that into a
 * test failure. [close] closes the listener and every client socket and joins all threads; it is idempotent.
 *
 * ```
 * ScriptedBoltServer {
 *     handshake(BoltVersion(5, 4))
 *     hello(); logon()
 *     expect(RequestKind.RUN); expect(RequestKind.PULL)
 *     reply(success("fields" to listOf("n")), record(1), success("has_more" to false))
 * }.start().use { server -> /* connect to server.port */ }
 * ```
 */
class ScriptedBoltServer(private val scripts: ServerScripts) : AutoCloseable {
    /** Every connection plays [script]. */
    constructor(script: Script) : this(ServerScripts(emptyList(), script))

    /** Every connection plays the script built by [block]. */
    constructor(block: ScriptBuilder.() -> Unit) : this(Script.build(block))

    private val lock = Any()
    private val closed = AtomicBoolean(false)
    private val accepted = AtomicInteger()
    private val open = AtomicInteger()
    private val runners = ArrayList<ConnectionRunner>()
    private val records = CopyOnWriteArrayList<ConnectionRecord>()
    private val failureList = CopyOnWriteArrayList<ScriptFailure>()
    private var serverSocket: ServerSocket? = null
    private var acceptor: Thread? = null

    @Volatile private var boundPort = -1

    /** The bound port; valid after [start]. */
    val port: Int get() = boundPort.also { check(it > 0) { "server not started" } }

    /** 127.0.0.1 and [port]. */
    val address: InetSocketAddress get() = InetSocketAddress(InetAddress.getLoopbackAddress(), port)

    /** `127.0.0.1:port`, the form routing tables use. */
    val hostAndPort: String get() = "127.0.0.1:$port"

    /** `bolt://127.0.0.1:port`. */
    val uri: String get() = "bolt://$hostAndPort"

    /** Connections accepted so far. */
    val connectionsAccepted: Int get() = accepted.get()

    /** Connections currently open (accepted and not yet closed by either side). */
    val openConnections: Int get() = open.get()

    /** Every connection so far, in accept order. */
    val connections: List<ConnectionRecord> get() = records.toList()

    /** Script mismatches so far (unexpected requests, undecodable input, handshake problems...). */
    val failures: List<ScriptFailure> get() = failureList.toList()

    internal val isClosing: Boolean get() = closed.get()

    /** The requests received on connection [index] (0-based accept order). */
    fun requests(index: Int): List<ReceivedRequest> = records[index].requests

    /** Binds 127.0.0.1 on a free port and starts accepting. Returns this, for `.start().use { }`. */
    fun start(): ScriptedBoltServer = synchronized(lock) {
        check(serverSocket == null) { "already started" }
        check(!closed.get()) { "closed" }
        val ss = ServerSocket()
        ss.bind(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64)
        serverSocket = ss
        boundPort = ss.localPort
        acceptor = Thread({ acceptLoop(ss) }, "${THREAD_NAME_PREFIX}acceptor-$boundPort").apply { isDaemon = true; start() }
        this
    }

    private fun acceptLoop(ss: ServerSocket) {
        while (!closed.get()) {
            val socket: Socket = try {
                ss.accept()
            } catch (_: IOException) {
                break
            }
            synchronized(lock) {
                if (closed.get()) {
                    runCatching { socket.close() }
                    return
                }
                val index = accepted.getAndIncrement()
                open.incrementAndGet()
                socket.tcpNoDelay = true
                val record = ConnectionRecord(index, socket.port)
                records += record
                val runner = try {
                    ConnectionRunner(this, socket, scripts.forConnection(index), record)
                } catch (e: IOException) {
                    record.closeReason = CloseReason.CLIENT
                    open.decrementAndGet()
                    runCatching { socket.close() }
                    null
                }
                if (runner != null) {
                    runners += runner
                    runner.thread = Thread(runner, "${THREAD_NAME_PREFIX}conn-$boundPort-$index").apply { isDaemon = true }
                    runner.thread.start()
                }
            }
        }
    }

    internal fun recordFailure(f: ScriptFailure) { failureList += f }

    internal fun connectionEnded(@Suppress("UNUSED_PARAMETER") runner: ConnectionRunner) { open.decrementAndGet() }

    /** Waits until at least [count] connections were accepted. @throws AssertionError on timeout. */
    fun awaitConnections(count: Int, timeout: Duration = 5.seconds) =
        await(timeout, { "expected $count connections, accepted $connectionsAccepted" }) { connectionsAccepted >= count }

    /** Waits until exactly [count] connections are open. @throws AssertionError on timeout. */
    fun awaitOpenConnections(count: Int, timeout: Duration = 5.seconds) =
        await(timeout, { "expected $count open connections, have $openConnections" }) { openConnections == count }

    private fun await(timeout: Duration, message: () -> String, condition: () -> Boolean) {
        val deadline = System.nanoTime() + timeout.inWholeNanoseconds
        while (!condition()) {
            if (System.nanoTime() > deadline) throw AssertionError("${message()} after $timeout; $connections")
            Thread.sleep(5)
        }
    }

    /**
     * Fails with every recorded mismatch, and for every connection whose script did not run to its end (for
     * example because the client closed early). Scripts with a terminal step count as done once it is reached.
     * Connections still open and mid-script are waited for up to [timeout] first, so a test need not race the
     * server's threads. Connections not yet accepted are not seen: use [awaitConnections] first when that matters.
     */
    fun assertScriptCompleted(timeout: Duration = 2.seconds) {
        // Give connection threads time to process what the client already sent; returns at once when all are settled.
        val deadline = System.nanoTime() + timeout.inWholeNanoseconds
        while (failures.isEmpty() && connections.any { it.isOpen && !it.scriptCompleted } && System.nanoTime() < deadline) Thread.sleep(5)
        val problems = failures.map { it.toString() } +
            connections.filter { !it.scriptCompleted && it.closeReason != CloseReason.FAILURE }
                .map { "connection ${it.index}: script not completed (${if (it.isOpen) "still running" else "closed: ${it.closeReason}"}); received ${it.requests}" }
        if (problems.isNotEmpty()) throw AssertionError("scripted server:\n  " + problems.joinToString("\n  "))
    }

    /**
     * Stops accepting, closes every connection and joins every thread. Idempotent.
     * @throws IllegalStateException when a server thread does not stop within 5 s (a bug in this server).
     */
    override fun close() {
        if (!closed.compareAndSet(false, true)) return
        val ss: ServerSocket?
        val acc: Thread?
        synchronized(lock) { ss = serverSocket; acc = acceptor }
        runCatching { ss?.close() }
        acc?.join(JOIN_MILLIS)
        val all = synchronized(lock) { runners.toList() }
        all.forEach { it.abort() }
        all.forEach { it.thread.join(JOIN_MILLIS) }
        val alive = (listOfNotNull(acc) + all.map { it.thread }).filter { it.isAlive }
        check(alive.isEmpty()) { "scripted server threads did not stop: ${alive.map { it.name }}" }
    }

    companion object {
        /** Prefix of every thread this server starts. */
        const val THREAD_NAME_PREFIX: String = "scripted-bolt-"
        private const val JOIN_MILLIS = 5_000L

        /** Different scripts for successive connections: `perConnection { connection { ... }; otherwise { ... } }`. */
        fun perConnection(block: ServerScriptsBuilder.() -> Unit): ScriptedBoltServer =
            ScriptedBoltServer(ServerScriptsBuilder().apply(block).build())

        /** Live threads started by any scripted server (for leak checks). */
        fun liveThreads(): List<Thread> = Thread.getAllStackTraces().keys.filter { it.isAlive && it.name.startsWith(THREAD_NAME_PREFIX) }
    }
}

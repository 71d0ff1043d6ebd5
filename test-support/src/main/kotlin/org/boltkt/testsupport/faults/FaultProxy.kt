package org.boltkt.testsupport.faults

import java.io.IOException
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.Socket
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger
import kotlin.random.Random

/**
 * A TCP proxy for fault tests: listens on loopback, forwards every accepted connection to [target], and injects
 * [Fault]s on command ([inject], [injectAll]) or at random ([startRandomFaults]) from a seeded [Random], so a run
 * can be repeated from its [seed]. Plain JDK sockets and daemon threads; [close] ends everything.
 */
class FaultProxy(
    /** Where connections are forwarded, e.g. a real Neo4j's Bolt port. */
    val target: InetSocketAddress,
    /** Seed of every random choice the proxy makes (which connection, which fault, which byte). */
    val seed: Long = System.nanoTime(),
) : AutoCloseable {
    private val random = Random(seed)
    private val listener = ServerSocket(0, 200, InetAddress.getLoopbackAddress())
    private val live = ConcurrentHashMap.newKeySet<ProxiedConnection>()
    private val ids = AtomicInteger()
    private val log = CopyOnWriteArrayList<InjectedFault>()

    @Volatile
    private var closed = false
    private var scheduler: Thread? = null

    /** One fault the proxy injected: when (ms since the proxy started), into which connection, what. */
    data class InjectedFault(val atMillis: Long, val connectionId: Int, val fault: Fault)

    private val startedAt = System.nanoTime()

    /** The loopback port to connect to instead of [target]. */
    val port: Int get() = listener.localPort

    /** Connections currently open through the proxy. */
    val connections: List<ProxiedConnection> get() = live.sortedBy { it.id }

    /** Every fault injected so far, in order. */
    val injected: List<InjectedFault> get() = log.toList()

    init {
        Thread({ acceptLoop() }, "fault-proxy-accept").apply { isDaemon = true; start() }
    }

    /** Injects [fault] into [connection]. */
    fun inject(connection: ProxiedConnection, fault: Fault) {
        log += InjectedFault((System.nanoTime() - startedAt) / 1_000_000, connection.id, fault)
        connection.inject(fault)
    }

    /** Injects [fault] into every open connection; returns how many. */
    fun injectAll(fault: Fault): Int = connections.onEach { inject(it, fault) }.size

    /** Ends stalls, blackholes and throttles on every open connection. */
    fun heal() = connections.forEach { it.heal() }

    /**
     * Every [intervalMillis], injects a fault drawn from [menu] into a connection drawn from the open ones (when
     * there is one), until [stopRandomFaults] or [close]. Draws come from the proxy's seeded random.
     */
    @Synchronized
    fun startRandomFaults(intervalMillis: Long, menu: List<Fault> = Fault.ALL) {
        require(scheduler == null) { "random faults already started" }
        scheduler = Thread({
            try {
                while (!closed) {
                    Thread.sleep(intervalMillis)
                    val open = connections
                    if (open.isEmpty()) continue
                    val (connection, fault) = synchronized(random) { open[random.nextInt(open.size)] to menu[random.nextInt(menu.size)] }
                    inject(connection, fault)
                }
            } catch (_: InterruptedException) {
            }
        }, "fault-proxy-random").apply { isDaemon = true; start() }
    }

    /** Stops random injection; faults already injected stay until [heal]. */
    @Synchronized
    fun stopRandomFaults() {
        scheduler?.let { it.interrupt(); it.join(5_000) }
        scheduler = null
    }

    override fun close() {
        closed = true
        stopRandomFaults()
        try { listener.close() } catch (_: IOException) {}
        live.toList().forEach { it.close(reset = false) }
    }

    private fun acceptLoop() {
        while (!closed) {
            val client = try { listener.accept() } catch (_: IOException) { return }
            try {
                val server = Socket()
                server.connect(target, 10_000)
                client.tcpNoDelay = true
                server.tcpNoDelay = true
                val connection = ProxiedConnection(ids.incrementAndGet(), client, server, Random(synchronized(random) { random.nextLong() })) { live.remove(it) }
                live += connection
                connection.start()
            } catch (_: IOException) {
                try { client.close() } catch (_: IOException) {}
            }
        }
    }
}

package org.boltkt.client.fuzz

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.auth.AuthTokens
import org.boltkt.testing.scripted.Script
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.ServerScripts
import java.net.InetAddress
import kotlin.time.Duration.Companion.nanoseconds
import kotlin.time.Duration.Companion.seconds

/**
 * The scripted server and the driver that `ClientFuzzTest.connection` reuses from one input to the next, so an input
 * costs one TCP connection and one server thread instead of a server, a driver and their threads.
 *
 * Each input still gets a connection of its own: the server picks the script of a connection when it accepts it
 * (the input's, set by [play] before the driver connects), and the driver keeps no connection between inputs
 * (pool of one, lifetime of a nanosecond: a released connection is closed, never reused). The server keeps a record
 * per connection, so server and driver are replaced every [INPUTS_PER_SERVER] inputs. One input at a time (Jazzer
 * runs a target on one thread); [close] after the last.
 */
internal object ConnectionFuzzRig {
    private const val INPUTS_PER_SERVER = 250

    @Volatile
    private var script: Script? = null
    private var server: ScriptedBoltServer? = null
    private var driver: Driver? = null
    private var played = 0

    /** Makes [next] the script of the next connection accepted and runs [block] with the shared driver. */
    fun <T> play(next: Script, block: (Driver) -> T): T {
        if (driver == null || played == INPUTS_PER_SERVER) {
            close()
            start()
        }
        played++
        script = next
        return block(driver!!)
    }

    private fun start() {
        val s = ScriptedBoltServer(ServerScripts { script }).start()
        server = s
        driver = BoltDriver(s.uri, AuthTokens.basic("neo4j", "pw")) {
            connectionTimeout = 2.seconds
            connectionAcquisitionTimeout = 2.seconds
            maxConnectionPoolSize = 1
            maxConnectionLifetime = 1.nanoseconds
            // The server's address is an IP literal; answering it here skips a DNS call on the IO dispatcher per input.
            domainNameResolver = { listOf(InetAddress.getLoopbackAddress()) }
        }
    }

    /** Closes the driver and the server (their threads end); the next [play] starts new ones. */
    fun close() {
        try {
            driver?.let { d -> runBlocking { withTimeout(20.seconds) { d.close() } } }
        } finally {
            driver = null
            played = 0
            server?.close()
            server = null
        }
    }
}

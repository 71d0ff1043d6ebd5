package org.boltkt.client.routing

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.DriverConfigBuilder
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import org.boltkt.testing.scripted.ScriptedCluster
import kotlin.time.Duration.Companion.seconds

/** Drivers against a [ScriptedCluster] with short timeouts, bounded test bodies, and small query helpers. */
internal object Routing {
    fun withDriver(
        cluster: ScriptedCluster,
        uri: String = cluster.uri(),
        transport: TransportKind = TransportKind.NIO,
        configure: DriverConfigBuilder.() -> Unit = {},
        block: suspend CoroutineScope.(Driver) -> Unit,
    ) {
        val driver = BoltDriver(uri, AuthToken.basic("neo4j", "pw")) {
            this.transport = transport
            connectionAcquisitionTimeout = 5.seconds
            connectionTimeout = 2.seconds
            maxTransactionRetryTime = 5.seconds
            configure()
        }
        try {
            runBlocking { withTimeout(30.seconds) { block(driver) } }
        } finally {
            runBlocking { withTimeout(10.seconds) { driver.close() } }
        }
    }

    /** An auto-commit read; [db] null: the home database (resolved with a ROUTE per session, as official drivers do). */
    suspend fun Driver.read(query: String, db: String? = null): Long =
        session { defaultAccessMode = AccessMode.READ; database = db }.use { s -> s.run(query).single().getLong("n") }

    suspend fun Driver.write(query: String, db: String? = null): Long =
        session { defaultAccessMode = AccessMode.WRITE; database = db }.use { s -> s.run(query).single().getLong("n") }
}

package org.boltkt.client.connection

import org.boltkt.client.transport.TransportOptions
import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.handshake.HandshakeProposals
import org.boltkt.protocol.message.BoltAgent
import org.boltkt.protocol.message.NotificationFilter
import org.boltkt.protocol.packstream.DecodeLimits

/**
 * Everything needed to open a connection, fixed per driver.
 *
 * @property proposals the first handshake proposal of every connection.
 * @property fallbackProposals asked on a new connection when a server refuses [proposals] (answers all zero);
 *   null fails at once.
 * @property routingContext sent in HELLO for `neo4j://` drivers (server-side routing); null for `bolt://`.
 * @property ioTimeouts the read and write bounds of every connection (the driver's connectionRead/WriteTimeout).
 * @property messageLogging log every Bolt message at TRACE ([BoltMessageLog]) when the logger's TRACE level is on.
 */
internal data class ConnectionSettings(
    val transport: TransportOptions = TransportOptions.DEFAULT,
    val userAgent: String = DEFAULT_USER_AGENT,
    val boltAgent: BoltAgent = defaultBoltAgent(),
    val proposals: HandshakeProposals = HandshakeProposals.DEFAULT,
    val fallbackProposals: HandshakeProposals? = HandshakeProposals.LEGACY,
    val decodeLimits: DecodeLimits = DecodeLimits.DEFAULT,
    val maxMessageSize: Int = ChunkReassembler.DEFAULT_MAX_MESSAGE_SIZE,
    val routingContext: Map<String, String>? = null,
    val notificationFilter: NotificationFilter? = null,
    val nanoTime: () -> Long = System::nanoTime,
    val ioTimeouts: IoTimeouts = IoTimeouts.NONE,
    val messageLogging: Boolean = false,
) {
    companion object {
        val DEFAULT_USER_AGENT: String = DriverVersion.USER_AGENT

        fun defaultBoltAgent(): BoltAgent = BoltAgent(
            product = DriverVersion.USER_AGENT,
            platform = "${System.getProperty("os.name")} ${System.getProperty("os.version")}; ${System.getProperty("os.arch")}",
            language = "Kotlin/${KotlinVersion.CURRENT}",
            languageDetails = "${System.getProperty("java.vm.name")}; ${System.getProperty("java.version")}",
        )
    }
}

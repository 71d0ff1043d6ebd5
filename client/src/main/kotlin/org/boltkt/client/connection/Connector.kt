package org.boltkt.client.connection

import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TlsTransport
import org.boltkt.client.transport.Transport
import org.boltkt.client.transport.TransportFactory
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.handshake.ClientHandshake
import org.boltkt.protocol.handshake.HandshakeStep
import org.boltkt.protocol.handshake.NegotiatedProtocol
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.Hello
import org.boltkt.protocol.message.Logoff
import org.boltkt.protocol.message.Logon
import org.boltkt.protocol.message.RequestKind
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.version.Capabilities
import org.boltkt.protocol.version.ServerFlavor
import org.slf4j.Logger
import org.slf4j.helpers.NOPLogger
import java.nio.ByteBuffer

/**
 * Opens authenticated connections: TCP (through the [TransportFactory]), Bolt handshake, then HELLO and, on 5.1+,
 * LOGON pipelined in one write.
 *
 * Cancellation or any failure at any step closes the socket before the exception propagates, so nothing leaks.
 * A server that refuses HELLO or LOGON answers with a FAILURE, thrown as [ServerFailureException] for the one
 * error mapper to translate.
 */
internal class Connector(
    private val transports: TransportFactory,
    val settings: ConnectionSettings,
    private val logger: Logger = NOPLogger.NOP_LOGGER,
) {
    /**
     * Opens a connection authenticated as [auth], or as [sessionAuth] when it is set and the server speaks Bolt 5.1+
     * (HELLO then LOGON as that user, no detour through the driver's user). Before 5.1 credentials travel in HELLO
     * and cannot be switched later, so the connection logs on as [auth] and the caller decides what to do.
     */
    suspend fun connect(address: ServerAddress, auth: AuthToken, sessionAuth: AuthToken? = null): BoltConnection =
        connect(address, sessionAuth) { auth }

    /**
     * Like the other overload, but the driver's credentials come from [driverAuth], asked only when they are used
     * (no [sessionAuth], or a server before 5.1), so a session with its own credentials never asks the manager.
     */
    suspend fun connect(address: ServerAddress, sessionAuth: AuthToken?, driverAuth: suspend () -> AuthToken): BoltConnection {
        val (transport, negotiated) = openAndNegotiate(address)
        try {
            val connection = BoltConnection(
                transport, address, Capabilities.of(negotiated.version), settings.decodeLimits, settings.maxMessageSize,
                settings.nanoTime, settings.ioTimeouts,
            )
            if (settings.messageLogging && logger.isTraceEnabled) connection.messageLog = BoltMessageLog(logger, connection)
            val logon = sessionAuth?.takeIf { connection.capabilities.logonLogoff } ?: driverAuth()
            authenticate(connection, logon)
            connection.auth = logon
            logger.debug(
                "Connected to {} with Bolt {} ({}, {})",
                address, connection.capabilities.version, connection.server.agent ?: "no agent", connection.server.connectionId ?: "no id",
            )
            return connection
        } catch (t: Throwable) {
            transport.close()
            throw t
        }
    }

    /**
     * TCP (and TLS) then the Bolt handshake. A server refusing every proposal (Neo4j 4.1/4.2 read no version ranges)
     * closes the connection, so the fallback proposal needs a new one; any other failure is final.
     */
    private suspend fun openAndNegotiate(address: ServerAddress): Pair<Transport, NegotiatedProtocol> {
        var proposals = settings.proposals
        var refusal: BoltProtocolException? = null
        while (true) {
            val transport = transports.connect(address, settings.transport)
            val handshake = ClientHandshake(proposals)
            try {
                return transport to handshake(transport, handshake)
            } catch (t: Throwable) {
                transport.close()
                val fallback = settings.fallbackProposals
                if (t !is BoltProtocolException || !handshake.refused || fallback == null) throw t
                if (refusal != null) {
                    throw BoltProtocolException(
                        "the server supports none of the Bolt versions this driver speaks " +
                            "(proposed: ${settings.proposals}; then, on a new connection: $proposals)",
                    ).apply { addSuppressed(refusal) }
                }
                logger.debug("{} refused the Bolt versions {}; trying {} on a new connection", address, proposals, fallback)
                refusal = t
                proposals = fallback
            }
        }
    }

    private suspend fun handshake(transport: Transport, handshake: ClientHandshake): NegotiatedProtocol {
        transport.writeFully(ByteBuffer.wrap(handshake.request()))
        var step: HandshakeStep = HandshakeStep.NeedMoreBytes(4)
        while (true) {
            when (val current = step) {
                is HandshakeStep.Done -> return current.result
                is HandshakeStep.SendThenDone -> {
                    transport.writeFully(ByteBuffer.wrap(current.bytes))
                    return current.result
                }
                is HandshakeStep.NeedMoreBytes -> {
                    val buffer = ByteBuffer.allocate(current.count)
                    while (buffer.hasRemaining()) {
                        if (transport.read(buffer) < 0) throw closedDuringHandshake(transport, buffer.position() > 0)
                    }
                    step = handshake.feed(buffer.array())
                }
            }
        }
    }

    /** EOF before the Bolt handshake answer: on a plain connection, most likely a server that requires TLS. */
    private fun closedDuringHandshake(transport: Transport, midMessage: Boolean): java.io.IOException {
        if (transport is TlsTransport || midMessage) return ServerClosedConnectionException(transport.address(), midMessage)
        return java.io.IOException(
            "the server at ${transport.address()} closed the connection during the Bolt handshake; if it requires TLS, " +
                "connect with bolt+s:// or neo4j+s:// (bolt+ssc:// for a self-signed certificate) or set encrypted = true",
        )
    }

    /** Re-authenticates an open connection (5.1+): LOGOFF then LOGON, pipelined. */
    suspend fun reauthenticate(connection: BoltConnection, auth: AuthToken) {
        connection.enqueue(Logoff)
        connection.enqueue(Logon(auth))
        connection.flush()
        // A refused LOGOFF gets LOGON IGNORED: the LOGOFF's FAILURE is the one to report.
        val refused = try {
            connection.awaitSuccess(RequestKind.LOGOFF)
            null
        } catch (e: ServerFailureException) {
            e
        }
        connection.awaitSuccess(RequestKind.LOGON, ignoredIsFine = refused != null)
        refused?.let { throw it }
        connection.auth = auth
        connection.reauthenticationRequired = false
    }

    private suspend fun authenticate(connection: BoltConnection, auth: AuthToken) {
        val caps = connection.capabilities
        connection.enqueue(
            Hello(
                userAgent = settings.userAgent,
                boltAgent = settings.boltAgent.takeIf { caps.boltAgent },
                routing = settings.routingContext,
                auth = auth.takeUnless { caps.logonLogoff },
                notificationFilter = settings.notificationFilter.takeIf { caps.notificationFilters },
            ),
        )
        if (caps.logonLogoff) connection.enqueue(Logon(auth))
        connection.flush()
        val hello = connection.awaitSuccess(RequestKind.HELLO)
        connection.server = ServerHello.from(hello)
        val utc = (hello["patch_bolt"] as? ListValue)?.values.orEmpty().contains(StringValue("utc"))
        val memgraph = ServerAgents.isMemgraph(connection.server.agent)
        if (utc || memgraph) {
            connection.upgradeCapabilities(
                Capabilities.of(caps.version, utcPatch = utc, flavor = if (memgraph) ServerFlavor.MEMGRAPH else ServerFlavor.NEO4J),
            )
        }
        if (caps.logonLogoff) connection.awaitSuccess(RequestKind.LOGON)
    }

    private fun Transport.address(): ServerAddress = ServerAddress(remoteAddress.hostString, remoteAddress.port)
}

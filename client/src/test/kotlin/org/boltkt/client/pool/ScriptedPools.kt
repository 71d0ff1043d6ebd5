package org.boltkt.client.pool

import org.boltkt.client.connection.ConnectionSettings
import org.boltkt.client.connection.Connector
import org.boltkt.client.transport.NioTransportFactory
import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.AuthToken
import org.boltkt.testing.scripted.ScriptedBoltServer

/** A pool whose connections are real NIO connections to [server] (no auth), for the pool tests. */
internal fun scriptedPool(server: ScriptedBoltServer, settings: PoolSettings): ConnectionPool {
    val connector = Connector(NioTransportFactory(), ConnectionSettings())
    val address = ServerAddress("127.0.0.1", server.port)
    return ConnectionPool(address, settings, connect = { connector.connect(address, AuthToken.none()) })
}

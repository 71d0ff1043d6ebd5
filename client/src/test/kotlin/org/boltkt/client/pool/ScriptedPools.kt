package org.boltkt.client.pool

import org.boltkt.client.connection.ConnectionSettings
import org.boltkt.client.connection.Connector
import org.boltkt.client.transport.NioTransportFactory
import org.boltkt.client.transport.ServerAddress
import org.boltkt.protocol.message.AuthToken
import org.boltkt.testing.scripted.ScriptedBoltServer

/**
 * A pool whose connections are real NIO connections to [server] (no auth), for the pool tests; the pool and its
 * connections read time from [PoolSettings.nanoTime].
 */
internal fun scriptedPool(server: ScriptedBoltServer, settings: PoolSettings): ConnectionPool {
    val connector = Connector(NioTransportFactory(), ConnectionSettings(nanoTime = settings.nanoTime))
    val address = ServerAddress("127.0.0.1", server.port)
    return ConnectionPool(address, settings, connect = { connector.connect(address, AuthToken.none()) }, nanoTime = settings.nanoTime)
}

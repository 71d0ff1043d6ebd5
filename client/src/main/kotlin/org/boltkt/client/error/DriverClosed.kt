package org.boltkt.client.error

import org.boltkt.client.transport.ServerAddress

/** The message of the [IllegalStateException] thrown when a closed driver (or a session of it) is used. */
internal const val DRIVER_CLOSED: String = "the driver is closed; create a new driver to continue"

/** The pool (or the driver owning it) was closed; [ErrorMapper] reports it as the use of a closed driver. */
internal class PoolClosedException(address: ServerAddress) : IllegalStateException("the connection pool for $address is closed")

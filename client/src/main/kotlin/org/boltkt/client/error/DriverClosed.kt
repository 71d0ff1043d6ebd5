package org.boltkt.client.error

import org.boltkt.client.transport.ServerAddress

/** The message of the [IllegalStateException] thrown when a closed driver (or a session of it) is used. */
internal const val DRIVER_CLOSED: String = "the driver is closed; create a new driver to continue"

/** The pool (or the driver owning it) was closed; [ErrorMapper] reports it as the use of a closed driver. */
internal class PoolClosedException(address: ServerAddress) : IllegalStateException("the connection pool for $address is closed")

/**
 * A cluster member's pool was closed by routing (the member left every routing table) while an acquire was under
 * way on it, for instance while its connection was still opening. The driver is fine: the work may be routed again
 * (retryable, as any [ServiceUnavailableException]); the routing source does so itself.
 */
internal class MemberPoolRetiredException(address: ServerAddress, cause: Throwable) : ServiceUnavailableException(
    "the connection pool for $address was closed because $address left the routing tables; route the work again",
    address.toString(),
    cause,
)

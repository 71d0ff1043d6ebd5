package org.boltkt.protocol.message

import org.boltkt.protocol.version.BoltVersion

/**
 * Thrown by [RequestEncoder] when a request uses something the negotiated Bolt [version] cannot express (a
 * database before 4.0, impersonation before 4.4, notification filters before 5.2, …). Nothing was sent; the
 * connection stays usable. A subtype of [IllegalArgumentException] so callers that only know the encoder's
 * documented contract still catch it; the client maps it to a typed "unsupported feature" error naming the fix.
 *
 * @property version the negotiated version that cannot carry the request.
 */
public class UnsupportedByVersionException(
    message: String,
    public val version: BoltVersion,
) : IllegalArgumentException(message)

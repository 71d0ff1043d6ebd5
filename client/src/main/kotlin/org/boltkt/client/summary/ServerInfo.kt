package org.boltkt.client.summary

import org.boltkt.protocol.version.BoltVersion

/**
 * The server a result came from. Immutable and thread-safe.
 *
 * @property address the address connected to, as `host:port`.
 * @property agent the server's `server` string from the HELLO SUCCESS, e.g. `Neo4j/5.26.0`.
 * @property protocolVersion the negotiated Bolt version.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class ServerInfo internal constructor(
    public val address: String,
    public val agent: String,
    public val protocolVersion: BoltVersion,
)

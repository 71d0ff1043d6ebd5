package org.boltkt.client

import org.boltkt.protocol.handshake.HandshakeProposals

/**
 * Which Bolt versions a new connection proposes in the handshake ([DriverConfig.handshake]). The handshake has four
 * slots; no single proposal reaches both Bolt 6.x (only offered through the manifest marker, which takes a slot) and
 * the Neo4j 4.1/4.2 servers that read no version ranges (they need an exact 4.1 slot).
 */
public enum class HandshakeMode(internal val proposals: HandshakeProposals, internal val fallback: HandshakeProposals?) {
    /**
     * The default: manifest v1 (Bolt 6.1, 6.0 and anything a 5.7+ server lists; the highest both speak wins),
     * 5.8–5.0, 4.4–4.1 and 3.0. A server
     * that refuses all of them (answers `00 00 00 00`: Neo4j 4.1/4.2 reading no version ranges) is asked once
     * more, on a new connection, with [LEGACY]'s proposal; such servers so cost one extra connect per connection.
     */
    AUTO(HandshakeProposals.DEFAULT, HandshakeProposals.LEGACY),

    /**
     * The proposal of the official drivers before the manifest: 5.8–5.0, 4.4–4.2, 4.1 and 3.0, one connect per
     * connection with every server from Neo4j 3.5 on, but never Bolt 6.x (Neo4j 2025.10+ then speaks 5.8, so no
     * vectors or UUIDs).
     */
    LEGACY(HandshakeProposals.LEGACY, null),
}

package org.boltkt.client.admin.internal

import org.boltkt.client.Session
import org.boltkt.client.SessionConfig

/**
 * What [AdminImpl] needs from the driver, kept to sessions and addresses so the helpers use the public session API
 * and never a pool or connection. Implemented by the driver.
 */
internal interface AdminBackend {
    /** The HELLO agent of a server the driver reaches now. */
    suspend fun agent(): String

    /**
     * A session; with [member] (`host:port`) on a routing driver, one whose connections all come from that member's
     * own pool. A `bolt://` driver has one server and ignores [member] (callers checked it against [members]).
     */
    fun session(member: String?, config: SessionConfig): Session

    /**
     * The addresses per-member operations can address: the writers and readers of [database]'s routing table
     * (null: the home database's) on a routing driver (fetched when the driver holds none or it expired), or a
     * `bolt://` driver's one server.
     */
    suspend fun members(database: String?): List<String>
}

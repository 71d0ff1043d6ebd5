package org.boltkt.client.routing

import org.boltkt.protocol.message.AuthToken
import java.util.concurrent.ConcurrentHashMap

/**
 * The home database per user: the impersonated user when there is one, else the session's credentials, else the
 * driver's own (key `null`). Filled from ROUTE answers (`db`) and, on Bolt 5.8+, from the `db` that BEGIN/RUN
 * SUCCESS echoes. Bounded: when full, the oldest-inserted entries go first. Thread-safe.
 */
internal class HomeDatabaseCache(private val maxEntries: Int = 1000) {
    data class Key(val impersonatedUser: String?, val auth: AuthToken?)

    private val entries = ConcurrentHashMap<Key, String>()
    private val order = java.util.concurrent.ConcurrentLinkedQueue<Key>()

    fun get(key: Key): String? = entries[key]

    fun put(key: Key, database: String) {
        if (entries.put(key, database) == null) {
            order.add(key)
            while (entries.size > maxEntries) order.poll()?.let { entries.remove(it) } ?: break
        }
    }

    companion object {
        fun keyOf(impersonatedUser: String?, auth: AuthToken?): Key =
            if (impersonatedUser != null) Key(impersonatedUser, null) else Key(null, auth)
    }
}

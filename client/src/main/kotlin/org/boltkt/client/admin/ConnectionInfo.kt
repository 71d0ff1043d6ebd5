package org.boltkt.client.admin

import java.time.Instant

/**
 * One client connection a server holds ([Admin.connections]; Neo4j only). Immutable; null when not reported.
 *
 * @property member the server that reported it.
 * @property id the id to pass to [Admin.killConnection] (Neo4j `bolt-3`).
 * @property user the authenticated user, or null before authentication.
 * @property clientAddress the client's address.
 * @property connectTime when the client connected.
 * @property connector `bolt` or `http`.
 * @property userAgent the agent the client announced (e.g. `boltkt/0.1.0`).
 * @property serverAddress the server-side address of the connection.
 */
public class ConnectionInfo internal constructor(
    public val member: String,
    public val id: String,
    public val user: String?,
    public val clientAddress: String?,
    public val connectTime: Instant?,
    public val connector: String?,
    public val userAgent: String?,
    public val serverAddress: String?,
) {
    override fun toString(): String =
        "ConnectionInfo(id=$id, member=$member, user=$user, clientAddress=$clientAddress, connectTime=$connectTime, userAgent=$userAgent)"
}

/**
 * One configuration setting of a server ([Admin.settings], [Admin.setting]). Values are the server's strings.
 * Immutable; null when not reported.
 *
 * @property member the server that reported it.
 * @property name the setting's name (Neo4j `db.transaction.timeout`, Memgraph `log_level`).
 * @property value its current value.
 * @property defaultValue its default value.
 * @property description the server's description of it.
 * @property isDynamic whether it can change at runtime (Neo4j), else null.
 */
public class SettingInfo internal constructor(
    public val member: String,
    public val name: String,
    public val value: String?,
    public val defaultValue: String?,
    public val description: String?,
    public val isDynamic: Boolean?,
) {
    override fun toString(): String = "SettingInfo(name=$name, value=$value, member=$member)"
}

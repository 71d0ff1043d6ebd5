package org.boltkt.client.admin

/**
 * One database as the server lists it ([Admin.databases]). On Neo4j there is one row per database and hosting
 * server (a clustered database appears once per member that hosts it); on Memgraph only [name] is known.
 * Immutable; null when not reported.
 *
 * @property name the database name.
 * @property type `standard`, `system`, `composite` (Neo4j).
 * @property address the server hosting this copy (Neo4j), e.g. `localhost:7687`.
 * @property role `primary`, `secondary` or `unknown` (Neo4j).
 * @property currentStatus `online`, `offline`, `starting`, … (Neo4j).
 * @property requestedStatus the status it was asked to reach (Neo4j).
 * @property statusMessage why it is not in the requested status (Neo4j), null when the server says nothing.
 * @property isDefault whether it is the DBMS default database (Neo4j).
 * @property isHome whether it is the current user's home database (Neo4j).
 * @property access `read-write` or `read-only` (Neo4j).
 * @property aliases its aliases (empty when none or not reported).
 */
public class DatabaseInfo internal constructor(
    public val name: String,
    public val type: String?,
    public val address: String?,
    public val role: String?,
    public val currentStatus: String?,
    public val requestedStatus: String?,
    public val statusMessage: String?,
    public val isDefault: Boolean?,
    public val isHome: Boolean?,
    public val access: String?,
    public val aliases: List<String>,
) {
    /** Whether this copy reports `online`. Memgraph lists only databases that exist, so null status counts as online. */
    public val isOnline: Boolean get() = currentStatus == null || currentStatus.equals("online", ignoreCase = true)

    override fun toString(): String =
        "DatabaseInfo(name=$name, address=$address, role=$role, currentStatus=$currentStatus, default=$isDefault, home=$isHome)"
}

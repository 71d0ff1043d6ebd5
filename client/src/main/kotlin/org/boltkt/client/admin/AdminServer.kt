package org.boltkt.client.admin

/**
 * What [Admin] knows about the server it talks to, detected once per driver and cached: the family and version
 * from the HELLO `server` agent, the edition from `dbms.components()` (Neo4j only). Immutable.
 *
 * @property family Neo4j, Memgraph or unknown.
 * @property version the version the agent announces (`5.26.30`, `2026.08.1`), or null when it names none (Memgraph
 *   announces itself by default with a Neo4j-compatible agent that carries no Memgraph version).
 * @property edition `community` or `enterprise` (Neo4j, as `dbms.components()` reports it); null when unknown
 *   (always for Memgraph, which has no query that reports its licence to every user).
 * @property agent the raw agent string.
 */
public class AdminServer internal constructor(
    public val family: ServerFamily,
    public val version: String?,
    public val edition: String?,
    public val agent: String,
) {
    /** The major version (`5`, `2026`), or null when [version] is unknown. */
    public val majorVersion: Int? get() = version?.substringBefore('.')?.toIntOrNull()

    /** Whether this is a Neo4j Community server (enterprise-only operations are refused before sending). */
    public val isNeo4jCommunity: Boolean get() = family == ServerFamily.NEO4J && edition.equals("community", ignoreCase = true)

    /** `Neo4j 5.26.30 (community)`, `Memgraph (edition unknown)`: how error messages name the server. */
    override fun toString(): String =
        listOfNotNull(family.displayName, version).joinToString(" ") + " (" + (edition ?: "edition unknown") + ")"
}

/** A family of Bolt servers [Admin] speaks to with its own dialect. */
public enum class ServerFamily(internal val displayName: String) {
    /** Neo4j 4.4, 5.x and 2025+ (calendar versions). */
    NEO4J("Neo4j"),

    /** Memgraph (any agent containing "memgraph"). */
    MEMGRAPH("Memgraph"),

    /** Any other agent: [Admin] refuses every operation with an UnsupportedFeatureException. */
    UNKNOWN("unknown server"),
}

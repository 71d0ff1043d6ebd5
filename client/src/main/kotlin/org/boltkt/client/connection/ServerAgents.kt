package org.boltkt.client.connection

/**
 * Which server family a HELLO `server` agent names. Memgraph announces itself by default as
 * `Neo4j/v5.11.0 compatible graph database server - Memgraph` (its `--bolt-server-name-for-init` flag may change
 * that, e.g. to `Memgraph/3.1.0`), so "starts with Neo4j/" alone does not mean Neo4j.
 */
internal object ServerAgents {
    fun isMemgraph(agent: String?): Boolean = agent?.contains("memgraph", ignoreCase = true) == true

    /** A Neo4j server (agent `Neo4j/x.y…`), Memgraph's Neo4j-compatible agent excluded. */
    fun isNeo4j(agent: String?): Boolean = agent != null && agent.startsWith("Neo4j/") && !isMemgraph(agent)
}

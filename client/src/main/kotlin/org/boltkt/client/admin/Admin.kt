package org.boltkt.client.admin

import kotlin.time.Duration

/**
 * Operations helpers (`driver.admin`): what an operator needs while an application runs — running transactions and
 * queries and a way to stop them, client connections, the server configuration, and (Neo4j) databases — as one
 * typed API over Neo4j's and Memgraph's administration commands. Results are typed, never raw rows; fields a
 * server does not report are null.
 *
 * **Server detection.** The first call detects the server family and version from the HELLO agent and, on Neo4j,
 * the edition with `dbms.components()`; the answer is cached for the driver's life ([server]). An operation the
 * server family or edition cannot do fails *before anything is sent* with
 * [org.boltkt.client.error.UnsupportedFeatureException] naming server, edition and operation (for example
 * [createDatabase] on Neo4j Community, [connections] on Memgraph). Everything else is sent and the server's answer
 * decides: a missing privilege arrives as the server's error ([org.boltkt.client.error.ClientException] subclasses).
 *
 * **Members.** Transactions, queries, connections and settings belong to one server; [Member] picks which
 * ([Member.Any] by default). In a `neo4j://` cluster [Member.At] and [Member.Every] run the command on a session
 * whose connections come from that member's own pool, bypassing the routing table ([members] lists the
 * candidates). Database commands go through routing (on Neo4j to the `system` database, its writer for changes).
 *
 * **Threading, cancellation, errors.** Thread-safe; every call is a suspend function that borrows sessions of the
 * driver and closes them, so cancelling a call leaks nothing (the driver's session contract). Errors are the
 * driver's public exceptions. Nothing here is retried: these commands are not idempotent in general.
 */
public interface Admin {
    /** The detected server (cached after the first call). */
    public suspend fun server(): AdminServer

    /**
     * The members per-server operations can address: for a `neo4j://` driver the writers and readers of the current
     * routing table (Neo4j: of `system`, which every cluster member hosts; Memgraph: its data instances, not the
     * coordinators), fetched when none is held or it expired; for a `bolt://` driver the one server it reaches.
     * Each as `host:port`.
     */
    public suspend fun members(): List<String>

    /** Running transactions (Neo4j `SHOW TRANSACTIONS`, Memgraph `SHOW TRANSACTIONS`), on [member]. */
    public suspend fun transactions(member: Member = Member.Any): List<TransactionInfo>

    /**
     * Terminates the transaction [id] (from [transactions]) with `TERMINATE TRANSACTIONS`, on [member] (the
     * transaction lives on one server: name it in a cluster, or use [Member.Every]). The session running it then
     * fails with [org.boltkt.client.error.TransactionTerminatedException] (Neo4j) or the server's error. With
     * [Member.Every] the first member that terminated it answers, else the last answer.
     */
    public suspend fun terminateTransaction(id: String, member: Member = Member.Any): TerminationResult

    /** Running queries (derived from `SHOW TRANSACTIONS` on both families), on [member]. */
    public suspend fun queries(member: Member = Member.Any): List<QueryInfo>

    /**
     * Stops the query [id] (from [queries]) by terminating its transaction: neither Neo4j 5+ nor Memgraph has a
     * separate kill-query command. A query that is no longer running answers `terminated = false`.
     */
    public suspend fun killQuery(id: String, member: Member = Member.Any): TerminationResult

    /** Client connections (Neo4j `dbms.listConnections()`; not Memgraph), on [member]. */
    public suspend fun connections(member: Member = Member.Any): List<ConnectionInfo>

    /** Closes the connection [id] (Neo4j `dbms.killConnection`; not Memgraph), on [member]. */
    public suspend fun killConnection(id: String, member: Member = Member.Any): TerminationResult

    /** Every configuration setting (Neo4j `SHOW SETTINGS`, `dbms.listConfig()` before 5.0; Memgraph `SHOW CONFIG`). */
    public suspend fun settings(member: Member = Member.Any): List<SettingInfo>

    /** The setting [name], or null when the server has none by that name (with [Member.Every]: the first found). */
    public suspend fun setting(name: String, member: Member = Member.Any): SettingInfo?

    /** Every database (Neo4j `SHOW DATABASES`, Memgraph `SHOW DATABASES`, an Enterprise feature there). */
    public suspend fun databases(): List<DatabaseInfo>

    /** `CREATE DATABASE` (Neo4j Enterprise; Memgraph Enterprise). Returns when the server accepted the command. */
    public suspend fun createDatabase(name: String)

    /** `DROP DATABASE` (Neo4j Enterprise; Memgraph Enterprise). */
    public suspend fun dropDatabase(name: String)

    /** `START DATABASE` (Neo4j Enterprise only). */
    public suspend fun startDatabase(name: String)

    /** `STOP DATABASE` (Neo4j Enterprise only). */
    public suspend fun stopDatabase(name: String)

    /**
     * Polls [databases]' answer for [name] until every listed copy reports `online` (Memgraph: until it is listed),
     * for at most [timeout] (which bounds the whole wait, queries included).
     * @throws org.boltkt.client.error.DatabaseNotOnlineException when [timeout] passes first, with the last status.
     */
    public suspend fun waitUntilOnline(name: String, timeout: Duration)
}

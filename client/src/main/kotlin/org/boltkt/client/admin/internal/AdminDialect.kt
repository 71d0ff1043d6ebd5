package org.boltkt.client.admin.internal

import org.boltkt.client.admin.Admin
import org.boltkt.client.admin.AdminServer
import org.boltkt.client.admin.ServerFamily
import org.boltkt.client.admin.ConnectionInfo
import org.boltkt.client.admin.SettingInfo
import org.boltkt.client.admin.DatabaseInfo
import org.boltkt.client.admin.TransactionInfo
import org.boltkt.client.admin.QueryInfo
import org.boltkt.client.admin.TerminationResult
import org.boltkt.client.error.UnsupportedFeatureException
import org.boltkt.protocol.message.AccessMode

/**
 * One administration command: the Cypher, its parameters, the database to run it against (null: the server's
 * choice) and the access mode (READ for per-server commands, WRITE for database changes, which go to the `system`
 * writer in a cluster).
 */
internal class AdminStatement(
    val cypher: String,
    val parameters: Map<String, Any?> = emptyMap(),
    val database: String? = null,
    val mode: AccessMode = AccessMode.READ,
)

/**
 * How one server family spells the typed [Admin] operations in Cypher and how its rows become result types. A
 * method for an operation the server or edition cannot do throws [UnsupportedFeatureException] instead of
 * returning a statement, so nothing is sent. Stateless apart from the detected [server].
 */
internal sealed class AdminDialect(val server: AdminServer) {
    abstract fun listTransactions(): AdminStatement
    abstract fun transaction(row: AdminRow, member: String): TransactionInfo?
    abstract fun terminateTransaction(id: String): AdminStatement
    abstract fun terminated(row: AdminRow, member: String, id: String): TerminationResult

    /** The running queries of [tx] (none when it is idle between queries). */
    abstract fun queriesOf(tx: TransactionInfo): List<QueryInfo>

    /** The transaction to terminate for query [queryId], from the [transactions] of one member. */
    abstract fun transactionOfQuery(queryId: String, transactions: List<TransactionInfo>): TransactionInfo?

    open fun listConnections(): AdminStatement = unsupported("connections")
    open fun connection(row: AdminRow, member: String): ConnectionInfo? = null
    open fun killConnection(id: String): AdminStatement = unsupported("killConnection")
    open fun connectionKilled(row: AdminRow, member: String, id: String): TerminationResult = TerminationResult(member, id, false, null)

    abstract fun listSettings(): AdminStatement

    /** A statement listing only setting [name], or null when the dialect filters [listSettings] client-side. */
    open fun oneSetting(name: String): AdminStatement? = null
    abstract fun setting(row: AdminRow, member: String): SettingInfo?

    abstract fun listDatabases(): AdminStatement
    abstract fun database(row: AdminRow): DatabaseInfo?
    abstract fun createDatabase(name: String): AdminStatement
    abstract fun dropDatabase(name: String): AdminStatement
    open fun startDatabase(name: String): AdminStatement = unsupported("startDatabase")
    open fun stopDatabase(name: String): AdminStatement = unsupported("stopDatabase")

    /** Throws the [UnsupportedFeatureException] for [operation] on this server; [why] completes the message. */
    protected fun unsupported(operation: String, why: String = "the server has no command for it"): Nothing =
        throw UnsupportedFeatureException(
            "$operation is not supported by $server: $why",
            server = listOfNotNull(server.family.displayName, server.version).joinToString(" "),
            edition = server.edition,
            operation = operation,
        )

    /** A database name as a backtick-quoted identifier (backticks doubled), refusing blank names before sending. */
    protected fun identifier(name: String): String {
        require(name.isNotBlank()) { "a database name must not be blank" }
        return "`" + name.replace("`", "``") + "`"
    }

    companion object {
        /** The dialect for [server]; an unknown family gets one that refuses everything. */
        fun of(server: AdminServer): AdminDialect = when (server.family) {
            ServerFamily.NEO4J -> Neo4jDialect(server)
            ServerFamily.MEMGRAPH -> MemgraphDialect(server)
            ServerFamily.UNKNOWN -> UnknownDialect(server)
        }
    }
}

/** A server that is neither Neo4j nor Memgraph: no command is guessed. */
internal class UnknownDialect(server: AdminServer) : AdminDialect(server) {
    private fun refuse(operation: String): Nothing = unsupported(operation, "the driver knows the administration commands of Neo4j and Memgraph only")
    override fun listTransactions() = refuse("transactions")
    override fun transaction(row: AdminRow, member: String) = refuse("transactions")
    override fun terminateTransaction(id: String) = refuse("terminateTransaction")
    override fun terminated(row: AdminRow, member: String, id: String) = refuse("terminateTransaction")
    override fun queriesOf(tx: TransactionInfo) = refuse("queries")
    override fun transactionOfQuery(queryId: String, transactions: List<TransactionInfo>) = refuse("killQuery")
    override fun listConnections() = refuse("connections")
    override fun killConnection(id: String) = refuse("killConnection")
    override fun listSettings() = refuse("settings")
    override fun setting(row: AdminRow, member: String) = refuse("settings")
    override fun listDatabases() = refuse("databases")
    override fun database(row: AdminRow) = refuse("databases")
    override fun createDatabase(name: String) = refuse("createDatabase")
    override fun dropDatabase(name: String) = refuse("dropDatabase")
}

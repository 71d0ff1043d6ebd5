package org.boltkt.client.admin.internal

import org.boltkt.client.admin.AdminServer
import org.boltkt.client.admin.ConnectionInfo
import org.boltkt.client.admin.SettingInfo
import org.boltkt.client.admin.DatabaseInfo
import org.boltkt.client.admin.TransactionInfo
import org.boltkt.client.admin.QueryInfo
import org.boltkt.client.admin.TerminationResult
import org.boltkt.protocol.message.AccessMode

/**
 * Neo4j 4.4, 5.x and 2025+: `SHOW TRANSACTIONS` / `TERMINATE TRANSACTIONS` (4.4+), `SHOW SETTINGS` (5.0+;
 * `dbms.listConfig()` before), `dbms.listConnections()` / `dbms.killConnection()`, `SHOW DATABASES` and the
 * Enterprise-only `CREATE` / `DROP` / `START` / `STOP DATABASE` (refused before sending on Community, which answers
 * them with `Neo.ClientError.Statement.UnsupportedAdministrationCommand`). Checked against Neo4j 5.26 and 2026.08
 * Community. Every command runs against `system`.
 */
internal class Neo4jDialect(server: AdminServer) : AdminDialect(server) {
    private val major = server.majorVersion
    private val minor = server.version?.split('.')?.getOrNull(1)?.toIntOrNull()

    /** Unknown versions are taken as current: the server's answer then decides. */
    private fun atLeast(wantMajor: Int, wantMinor: Int): Boolean =
        major == null || major > wantMajor || (major == wantMajor && (minor ?: 0) >= wantMinor)

    private fun needs44(operation: String) {
        if (!atLeast(4, 4)) unsupported(operation, "SHOW/TERMINATE TRANSACTIONS need Neo4j 4.4 or later")
    }

    private fun enterpriseOnly(operation: String, statement: AdminStatement): AdminStatement {
        if (server.isNeo4jCommunity) unsupported(operation, "it is a Neo4j Enterprise Edition feature")
        return statement
    }

    override fun listTransactions(): AdminStatement {
        needs44("transactions")
        return AdminStatement("SHOW TRANSACTIONS YIELD *", database = SYSTEM)
    }

    override fun transaction(row: AdminRow, member: String): TransactionInfo? {
        val id = row.string("transactionId") ?: return null
        return TransactionInfo(
            member = member,
            id = id,
            database = row.string("database"),
            user = row.string("username"),
            status = row.string("status"),
            elapsed = row.duration("elapsedTime"),
            startTime = row.instant("startTime"),
            currentQuery = row.string("currentQuery"),
            currentQueryId = row.string("currentQueryId"),
            connectionId = row.string("connectionId"),
            clientAddress = row.string("clientAddress"),
            metadata = row.map("metaData"),
        )
    }

    override fun terminateTransaction(id: String): AdminStatement {
        needs44("terminateTransaction")
        return AdminStatement("TERMINATE TRANSACTIONS \$id", mapOf("id" to id), database = SYSTEM)
    }

    // Neo4j answers one row per id: `Transaction terminated.`, or `Transaction not found.` and the like.
    override fun terminated(row: AdminRow, member: String, id: String): TerminationResult {
        val message = row.string("message")
        return TerminationResult(member, row.string("transactionId") ?: id, message?.startsWith("Transaction terminated", ignoreCase = true) == true, message)
    }

    override fun queriesOf(tx: TransactionInfo): List<QueryInfo> {
        val queryId = tx.currentQueryId ?: return emptyList()
        val text = tx.currentQuery ?: return emptyList()
        return listOf(QueryInfo(tx.member, queryId, tx.id, tx.database, tx.user, text, tx.elapsed, tx.clientAddress))
    }

    override fun transactionOfQuery(queryId: String, transactions: List<TransactionInfo>): TransactionInfo? =
        transactions.firstOrNull { it.currentQueryId == queryId }

    override fun listConnections(): AdminStatement = AdminStatement("CALL dbms.listConnections()", database = SYSTEM)

    override fun connection(row: AdminRow, member: String): ConnectionInfo? {
        val id = row.string("connectionId") ?: return null
        return ConnectionInfo(
            member = member,
            id = id,
            user = row.string("username"),
            clientAddress = row.string("clientAddress"),
            connectTime = row.instant("connectTime"),
            connector = row.string("connector"),
            userAgent = row.string("userAgent"),
            serverAddress = row.string("serverAddress"),
        )
    }

    override fun killConnection(id: String): AdminStatement =
        AdminStatement("CALL dbms.killConnection(\$id)", mapOf("id" to id), database = SYSTEM)

    // `No connection found with this id` when there is none; anything else reports the connection closed.
    override fun connectionKilled(row: AdminRow, member: String, id: String): TerminationResult {
        val message = row.string("message")
        val killed = message != null && !message.startsWith("No connection found", ignoreCase = true)
        return TerminationResult(member, row.string("connectionId") ?: id, killed, message)
    }

    override fun listSettings(): AdminStatement =
        if (atLeast(5, 0)) {
            AdminStatement("SHOW SETTINGS YIELD *", database = SYSTEM)
        } else {
            AdminStatement("CALL dbms.listConfig()", database = SYSTEM)
        }

    override fun oneSetting(name: String): AdminStatement? =
        if (atLeast(5, 0)) AdminStatement("SHOW SETTINGS YIELD * WHERE name = \$name", mapOf("name" to name), database = SYSTEM) else null

    override fun setting(row: AdminRow, member: String): SettingInfo? {
        val name = row.string("name") ?: return null
        return SettingInfo(
            member = member,
            name = name,
            value = row.string("value", blankIsNull = false),
            defaultValue = row.string("defaultValue", blankIsNull = false),
            description = row.string("description"),
            isDynamic = row.boolean("isDynamic") ?: row.boolean("dynamic"),
        )
    }

    override fun listDatabases(): AdminStatement = AdminStatement("SHOW DATABASES YIELD *", database = SYSTEM)

    override fun database(row: AdminRow): DatabaseInfo? {
        val name = row.string("name") ?: return null
        return DatabaseInfo(
            name = name,
            type = row.string("type"),
            address = row.string("address"),
            role = row.string("role"),
            currentStatus = row.string("currentStatus"),
            requestedStatus = row.string("requestedStatus"),
            statusMessage = row.string("statusMessage"),
            isDefault = row.boolean("default"),
            isHome = row.boolean("home"),
            access = row.string("access"),
            aliases = row.strings("aliases"),
        )
    }

    override fun createDatabase(name: String) =
        enterpriseOnly("createDatabase", AdminStatement("CREATE DATABASE ${identifier(name)}", database = SYSTEM, mode = AccessMode.WRITE))

    override fun dropDatabase(name: String) =
        enterpriseOnly("dropDatabase", AdminStatement("DROP DATABASE ${identifier(name)}", database = SYSTEM, mode = AccessMode.WRITE))

    override fun startDatabase(name: String) =
        enterpriseOnly("startDatabase", AdminStatement("START DATABASE ${identifier(name)}", database = SYSTEM, mode = AccessMode.WRITE))

    override fun stopDatabase(name: String) =
        enterpriseOnly("stopDatabase", AdminStatement("STOP DATABASE ${identifier(name)}", database = SYSTEM, mode = AccessMode.WRITE))

    private companion object {
        const val SYSTEM = "system"
    }
}

package org.boltkt.client.admin.internal

import org.boltkt.client.admin.AdminServer
import org.boltkt.client.admin.SettingInfo
import org.boltkt.client.admin.DatabaseInfo
import org.boltkt.client.admin.TransactionInfo
import org.boltkt.client.admin.QueryInfo
import org.boltkt.client.admin.TerminationResult
import org.boltkt.protocol.message.AccessMode

/**
 * Memgraph, as its documentation describes it: `SHOW TRANSACTIONS` (columns `username`, `transaction_id`, `query`
 * — the list of queries run so far —, `metadata`, and on newer versions `status`, `start_time`, `elapsed_ms`),
 * `TERMINATE TRANSACTIONS "id"` (rows `transaction_id`, `killed`), `SHOW CONFIG` (`name`, `default_value`,
 * `current_value`, `description`), and the Enterprise multi-tenancy commands `SHOW DATABASES`, `CREATE DATABASE`,
 * `DROP DATABASE`. Memgraph has no command listing or closing client connections and none to start or stop a
 * database: those are refused before sending. Its edition is not detectable by every user, so Enterprise-only
 * commands are sent and Memgraph's answer decides. No database is named: Memgraph runs these on the session's.
 */
internal class MemgraphDialect(server: AdminServer) : AdminDialect(server) {
    override fun listTransactions() = AdminStatement("SHOW TRANSACTIONS")

    override fun transaction(row: AdminRow, member: String): TransactionInfo? {
        val id = row.string("transaction_id") ?: return null
        val elapsed = row.long("elapsed_ms")?.let { java.time.Duration.ofMillis(it) }
        return TransactionInfo(
            member = member,
            id = id,
            database = null,
            user = row.string("username"),
            status = row.string("status"),
            elapsed = elapsed,
            startTime = row.instant("start_time"),
            currentQuery = row.strings("query").lastOrNull(),
            currentQueryId = null,
            connectionId = null,
            clientAddress = null,
            metadata = row.map("metadata"),
        )
    }

    // Memgraph's ids are numbers and the command takes string literals: anything else is refused before sending.
    override fun terminateTransaction(id: String): AdminStatement {
        require(id.isNotEmpty() && id.all { it.isDigit() }) { "a Memgraph transaction id is a number as SHOW TRANSACTIONS lists it, was '$id'" }
        return AdminStatement("TERMINATE TRANSACTIONS \"$id\"")
    }

    override fun terminated(row: AdminRow, member: String, id: String) =
        TerminationResult(member, row.string("transaction_id") ?: id, row.boolean("killed") == true, null)

    override fun queriesOf(tx: TransactionInfo): List<QueryInfo> {
        val text = tx.currentQuery ?: return emptyList()
        return listOf(QueryInfo(tx.member, tx.id, tx.id, null, tx.user, text, tx.elapsed, null))
    }

    override fun transactionOfQuery(queryId: String, transactions: List<TransactionInfo>): TransactionInfo? =
        transactions.firstOrNull { it.id == queryId }

    override fun listSettings() = AdminStatement("SHOW CONFIG")

    override fun setting(row: AdminRow, member: String): SettingInfo? {
        val name = row.string("name") ?: return null
        return SettingInfo(
            member = member,
            name = name,
            value = row.string("current_value", blankIsNull = false),
            defaultValue = row.string("default_value", blankIsNull = false),
            description = row.string("description"),
            isDynamic = null,
        )
    }

    override fun listDatabases() = AdminStatement("SHOW DATABASES")

    // Older versions title the column `Name`.
    override fun database(row: AdminRow): DatabaseInfo? {
        val name = row.stringOf("Name", "name") ?: return null
        return DatabaseInfo(name, null, null, null, null, null, null, null, null, null, emptyList())
    }

    override fun createDatabase(name: String) = AdminStatement("CREATE DATABASE ${identifier(name)}", mode = AccessMode.WRITE)

    override fun dropDatabase(name: String) = AdminStatement("DROP DATABASE ${identifier(name)}", mode = AccessMode.WRITE)

    override fun startDatabase(name: String) = unsupported("startDatabase", "Memgraph databases are always started")

    override fun stopDatabase(name: String) = unsupported("stopDatabase", "Memgraph databases are always started")
}

package org.boltkt.client.admin.internal

import org.boltkt.client.admin.Admin
import org.boltkt.client.admin.AdminServer
import org.boltkt.client.admin.ServerFamily
import org.boltkt.client.admin.ConnectionInfo
import org.boltkt.client.admin.SettingInfo
import org.boltkt.client.admin.DatabaseInfo
import org.boltkt.client.admin.Member
import org.boltkt.client.admin.TransactionInfo
import org.boltkt.client.admin.QueryInfo
import org.boltkt.client.admin.TerminationResult
import kotlinx.coroutines.delay
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withTimeoutOrNull
import org.boltkt.client.SessionConfig
import org.boltkt.client.connection.ServerAgents
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.DatabaseNotOnlineException
import org.boltkt.client.use
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds

/** The [Admin] of one driver: detects the server once, then maps each call through its [AdminDialect]. */
internal class AdminImpl(private val backend: AdminBackend) : Admin {
    private val detecting = Mutex()

    @Volatile
    private var detected: AdminDialect? = null

    override suspend fun server(): AdminServer = dialect().server

    private suspend fun dialect(): AdminDialect =
        detected ?: detecting.withLock { detected ?: AdminDialect.of(ServerDetection.detect(backend)).also { detected = it } }

    // Every Neo4j cluster member hosts `system`; a Memgraph coordinator's table names the data instances.
    override suspend fun members(): List<String> =
        backend.members(if (dialect().server.family == ServerFamily.NEO4J) "system" else null)

    override suspend fun transactions(member: Member): List<TransactionInfo> =
        dialect().let { d -> listed(member, d.listTransactions(), d::transaction) }

    override suspend fun terminateTransaction(id: String, member: Member): TerminationResult {
        val d = dialect()
        d.terminateTransaction(id) // refuses an unsupported server or a malformed id before anything is sent
        return firstTerminated(member) { at -> terminate(d, id, at) }
    }

    private suspend fun terminate(d: AdminDialect, id: String, at: String?): TerminationResult =
        answered(run(d.terminateTransaction(id), at), id, d::terminated)

    /** The first row of a termination's [answer] read by [read]; no row means nothing was terminated. */
    private fun answered(answer: Answer, id: String, read: (AdminRow, String, String) -> TerminationResult): TerminationResult =
        answer.rows.firstOrNull()?.let { read(it, answer.from, id) } ?: TerminationResult(answer.from, id, false, null)

    /** [statement]'s rows on each member [member] addresses, read by [read] (which skips rows it cannot use). */
    private suspend fun <T : kotlin.Any> listed(member: Member, statement: AdminStatement, read: (AdminRow, String) -> T?): List<T> =
        onMembers(member) { at -> run(statement, at).let { (rows, from) -> rows.mapNotNull { read(it, from) } } }.flatten()

    override suspend fun queries(member: Member): List<QueryInfo> {
        val d = dialect()
        return transactions(member).flatMap(d::queriesOf)
    }

    override suspend fun killQuery(id: String, member: Member): TerminationResult {
        val d = dialect()
        val statement = d.listTransactions()
        return firstTerminated(member) { at ->
            val (rows, from) = run(statement, at)
            val tx = d.transactionOfQuery(id, rows.mapNotNull { d.transaction(it, from) })
                ?: return@firstTerminated TerminationResult(from, id, false, "no running query with this id")
            // On the member that listed it, whatever routing would pick: the transaction lives there.
            terminate(d, tx.id, from)
        }
    }

    override suspend fun connections(member: Member): List<ConnectionInfo> =
        dialect().let { d -> listed(member, d.listConnections(), d::connection) }

    override suspend fun killConnection(id: String, member: Member): TerminationResult {
        val d = dialect()
        val statement = d.killConnection(id)
        return firstTerminated(member) { at -> answered(run(statement, at), id, d::connectionKilled) }
    }

    override suspend fun settings(member: Member): List<SettingInfo> =
        dialect().let { d -> listed(member, d.listSettings(), d::setting) }

    override suspend fun setting(name: String, member: Member): SettingInfo? =
        dialect().let { d -> listed(member, d.oneSetting(name) ?: d.listSettings(), d::setting) }.firstOrNull { it.name == name }

    override suspend fun databases(): List<DatabaseInfo> {
        val d = dialect()
        return run(d.listDatabases(), null).rows.mapNotNull(d::database)
    }

    override suspend fun createDatabase(name: String) = dialect().let { run(it.createDatabase(name), null) }.let { }

    override suspend fun dropDatabase(name: String) = dialect().let { run(it.dropDatabase(name), null) }.let { }

    override suspend fun startDatabase(name: String) = dialect().let { run(it.startDatabase(name), null) }.let { }

    override suspend fun stopDatabase(name: String) = dialect().let { run(it.stopDatabase(name), null) }.let { }

    override suspend fun waitUntilOnline(name: String, timeout: Duration) {
        require(name.isNotBlank()) { "a database name must not be blank" }
        dialect().listDatabases() // an unsupported server fails here, before the clock starts
        var last: List<DatabaseInfo> = emptyList()
        val online = withTimeoutOrNull(timeout) {
            while (true) {
                last = databases().filter { it.name == name }
                if (last.isNotEmpty() && last.all { it.isOnline }) break
                delay(POLL_INTERVAL)
            }
            true
        }
        if (online == true) return
        val lagging = last.firstOrNull { !it.isOnline }
        val status = lagging?.currentStatus
        throw DatabaseNotOnlineException(
            if (last.isEmpty()) "database '$name' was not listed within $timeout; check its name with databases()"
            else "database '$name' was not online within $timeout: ${lagging?.address ?: "a member"} reports '$status'" +
                (lagging?.statusMessage?.let { " ($it)" } ?: "") + "; wait longer or see the server's log",
            name,
            status,
        )
    }

    /** The rows of one statement and the address of the server that answered (from the result summary). */
    private suspend fun run(statement: AdminStatement, member: String?): Answer {
        val config = SessionConfig.build { database = statement.database; defaultAccessMode = statement.mode }
        return backend.session(member, config).use { session ->
            val result = session.run(statement.cypher, statement.parameters)
            val rows = result.list().map(::AdminRow)
            Answer(rows, result.consume().server.address)
        }
    }

    /** [block] once per addressed member: null for [Member.Any], each address for [Member.At] / [Member.Every]. */
    private suspend fun <T> onMembers(member: Member, block: suspend (String?) -> T): List<T> = targets(member).map { block(it) }

    /** [block] per addressed member until one reports the termination; else the last answer. */
    private suspend fun firstTerminated(member: Member, block: suspend (String?) -> TerminationResult): TerminationResult {
        var last: TerminationResult? = null
        for (at in targets(member)) {
            last = block(at)
            if (last.terminated) return last
        }
        return last ?: throw ClientException("the driver knows no member to address; check the URI")
    }

    private suspend fun targets(member: Member): List<String?> = when (member) {
        Member.Any -> listOf(null)
        is Member.At -> listOf(checkedMember(member.address))
        Member.Every -> members()
    }

    private suspend fun checkedMember(address: String): String {
        val known = members()
        if (address !in known) {
            throw ClientException("'$address' is not a member this driver can address; use one of $known (Admin.members())")
        }
        return address
    }

    private data class Answer(val rows: List<AdminRow>, val from: String)

    private companion object {
        val POLL_INTERVAL = 200.milliseconds
    }
}

/** Detects family, version and (Neo4j) edition of the server a driver reaches. */
internal object ServerDetection {
    suspend fun detect(backend: AdminBackend): AdminServer {
        val agent = backend.agent()
        return when {
            ServerAgents.isMemgraph(agent) -> AdminServer(ServerFamily.MEMGRAPH, memgraphVersion(agent), null, agent)
            ServerAgents.isNeo4j(agent) -> AdminServer(ServerFamily.NEO4J, agent.removePrefix("Neo4j/").substringBefore(' '), neo4jEdition(backend), agent)
            else -> AdminServer(ServerFamily.UNKNOWN, null, null, agent)
        }
    }

    /** `Memgraph/2.19.0` names its version; the default Neo4j-compatible agent does not. */
    private fun memgraphVersion(agent: String): String? =
        agent.takeIf { it.startsWith("Memgraph/", ignoreCase = true) }?.substringAfter('/')?.substringBefore(' ')

    /** The kernel's edition from `dbms.components()`; null when the user may not call it (the server then decides). */
    private suspend fun neo4jEdition(backend: AdminBackend): String? = try {
        backend.session(null, SessionConfig.build { database = "system"; defaultAccessMode = org.boltkt.protocol.message.AccessMode.READ }).use { s ->
            s.run("CALL dbms.components() YIELD name, edition RETURN name, edition").list()
                .map(::AdminRow).firstOrNull { it.string("name") == "Neo4j Kernel" }?.string("edition")
        }
    } catch (e: ClientException) {
        null
    }
}

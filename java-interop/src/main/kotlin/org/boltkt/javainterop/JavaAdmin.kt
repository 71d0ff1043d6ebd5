package org.boltkt.javainterop

import kotlinx.coroutines.CoroutineScope
import org.boltkt.client.admin.Admin
import org.boltkt.client.admin.AdminServer
import org.boltkt.client.admin.ConnectionInfo
import org.boltkt.client.admin.DatabaseInfo
import org.boltkt.client.admin.Member
import org.boltkt.client.admin.QueryInfo
import org.boltkt.client.admin.SettingInfo
import org.boltkt.client.admin.TerminationResult
import org.boltkt.client.admin.TransactionInfo
import java.time.Duration
import java.util.concurrent.CompletableFuture

/**
 * The operations helpers ([Admin], from [JavaDriver.admin]) for Java: each operation as `…Async` returning a
 * `CompletableFuture` and as a blocking method; the result types are the Kotlin ones (Java getters such as
 * `getId()`, `getMember()`, `isTerminated()`). Same contract as [Admin]: server detection, per-member addressing
 * with [Member] (`Member.any()`, `Member.at("host:7687")`, `Member.every()`), UnsupportedFeatureException before
 * sending, errors and cancellation as in [JavaDriver]. Thread-safe; holds no logic of its own.
 */
public class JavaAdmin internal constructor(private val admin: Admin, private val scope: CoroutineScope) {
    /** The detected server. */
    public fun serverAsync(): CompletableFuture<AdminServer> = scope.launchFuture { admin.server() }

    /** Blocking [serverAsync]. */
    public fun server(): AdminServer = serverAsync().awaitBlocking()

    /** The members per-member operations can address (`host:port`). */
    public fun membersAsync(): CompletableFuture<List<String>> = scope.launchFuture { admin.members() }

    /** Blocking [membersAsync]. */
    public fun members(): List<String> = membersAsync().awaitBlocking()

    /** Running transactions on [member]. */
    @JvmOverloads
    public fun transactionsAsync(member: Member = Member.Any): CompletableFuture<List<TransactionInfo>> =
        scope.launchFuture { admin.transactions(member) }

    /** Blocking [transactionsAsync]. */
    @JvmOverloads
    public fun transactions(member: Member = Member.Any): List<TransactionInfo> = transactionsAsync(member).awaitBlocking()

    /** Terminates the transaction [id] on [member]. */
    @JvmOverloads
    public fun terminateTransactionAsync(id: String, member: Member = Member.Any): CompletableFuture<TerminationResult> =
        scope.launchFuture { admin.terminateTransaction(id, member) }

    /** Blocking [terminateTransactionAsync]. */
    @JvmOverloads
    public fun terminateTransaction(id: String, member: Member = Member.Any): TerminationResult =
        terminateTransactionAsync(id, member).awaitBlocking()

    /** Running queries on [member]. */
    @JvmOverloads
    public fun queriesAsync(member: Member = Member.Any): CompletableFuture<List<QueryInfo>> = scope.launchFuture { admin.queries(member) }

    /** Blocking [queriesAsync]. */
    @JvmOverloads
    public fun queries(member: Member = Member.Any): List<QueryInfo> = queriesAsync(member).awaitBlocking()

    /** Stops the query [id] (through its transaction) on [member]. */
    @JvmOverloads
    public fun killQueryAsync(id: String, member: Member = Member.Any): CompletableFuture<TerminationResult> =
        scope.launchFuture { admin.killQuery(id, member) }

    /** Blocking [killQueryAsync]. */
    @JvmOverloads
    public fun killQuery(id: String, member: Member = Member.Any): TerminationResult = killQueryAsync(id, member).awaitBlocking()

    /** Client connections on [member] (Neo4j). */
    @JvmOverloads
    public fun connectionsAsync(member: Member = Member.Any): CompletableFuture<List<ConnectionInfo>> =
        scope.launchFuture { admin.connections(member) }

    /** Blocking [connectionsAsync]. */
    @JvmOverloads
    public fun connections(member: Member = Member.Any): List<ConnectionInfo> = connectionsAsync(member).awaitBlocking()

    /** Closes the connection [id] on [member] (Neo4j). */
    @JvmOverloads
    public fun killConnectionAsync(id: String, member: Member = Member.Any): CompletableFuture<TerminationResult> =
        scope.launchFuture { admin.killConnection(id, member) }

    /** Blocking [killConnectionAsync]. */
    @JvmOverloads
    public fun killConnection(id: String, member: Member = Member.Any): TerminationResult = killConnectionAsync(id, member).awaitBlocking()

    /** Every configuration setting of [member]. */
    @JvmOverloads
    public fun settingsAsync(member: Member = Member.Any): CompletableFuture<List<SettingInfo>> = scope.launchFuture { admin.settings(member) }

    /** Blocking [settingsAsync]. */
    @JvmOverloads
    public fun settings(member: Member = Member.Any): List<SettingInfo> = settingsAsync(member).awaitBlocking()

    /** The setting [name] of [member], or null. */
    @JvmOverloads
    public fun settingAsync(name: String, member: Member = Member.Any): CompletableFuture<SettingInfo?> =
        scope.launchFuture { admin.setting(name, member) }

    /** Blocking [settingAsync]. */
    @JvmOverloads
    public fun setting(name: String, member: Member = Member.Any): SettingInfo? = settingAsync(name, member).awaitBlocking()

    /** Every database. */
    public fun databasesAsync(): CompletableFuture<List<DatabaseInfo>> = scope.launchFuture { admin.databases() }

    /** Blocking [databasesAsync]. */
    public fun databases(): List<DatabaseInfo> = databasesAsync().awaitBlocking()

    /** `CREATE DATABASE` (Enterprise). */
    public fun createDatabaseAsync(name: String): CompletableFuture<Void?> = scope.launchUnit { admin.createDatabase(name) }

    /** Blocking [createDatabaseAsync]. */
    public fun createDatabase(name: String): Unit = createDatabaseAsync(name).awaitBlocking().let { }

    /** `DROP DATABASE` (Enterprise). */
    public fun dropDatabaseAsync(name: String): CompletableFuture<Void?> = scope.launchUnit { admin.dropDatabase(name) }

    /** Blocking [dropDatabaseAsync]. */
    public fun dropDatabase(name: String): Unit = dropDatabaseAsync(name).awaitBlocking().let { }

    /** `START DATABASE` (Neo4j Enterprise). */
    public fun startDatabaseAsync(name: String): CompletableFuture<Void?> = scope.launchUnit { admin.startDatabase(name) }

    /** Blocking [startDatabaseAsync]. */
    public fun startDatabase(name: String): Unit = startDatabaseAsync(name).awaitBlocking().let { }

    /** `STOP DATABASE` (Neo4j Enterprise). */
    public fun stopDatabaseAsync(name: String): CompletableFuture<Void?> = scope.launchUnit { admin.stopDatabase(name) }

    /** Blocking [stopDatabaseAsync]. */
    public fun stopDatabase(name: String): Unit = stopDatabaseAsync(name).awaitBlocking().let { }

    /** Waits (at most [timeout]) until every copy of database [name] is online; DatabaseNotOnlineException after. */
    public fun waitUntilOnlineAsync(name: String, timeout: Duration): CompletableFuture<Void?> =
        scope.launchUnit { admin.waitUntilOnline(name, timeout.toKotlin()) }

    /** Blocking [waitUntilOnlineAsync]. */
    public fun waitUntilOnline(name: String, timeout: Duration): Unit = waitUntilOnlineAsync(name, timeout).awaitBlocking().let { }
}

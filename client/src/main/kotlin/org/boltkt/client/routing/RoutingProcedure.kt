package org.boltkt.client.routing

import org.boltkt.client.connection.BoltConnection
import org.boltkt.client.connection.ServerFailureException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ProtocolException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.Pull
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.Run
import org.boltkt.protocol.message.TransactionOptions
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.version.RouteForm

/**
 * Fetches a routing table from a server older than Bolt 4.3, which has no ROUTE message, by calling the routing
 * procedure in an auto-commit read: Bolt 3 (Neo4j 3.5) `dbms.cluster.routing.getRoutingTable($context)`, Bolt
 * 4.1/4.2 `dbms.routing.getRoutingTable($context, $database)` against the `system` database with the bookmarks.
 * The single record (`ttl`, `servers`) is returned as the `rt` map a ROUTE SUCCESS would carry, so one parser
 * reads both. A server without the procedure (not a cluster member, or routing disabled) is unavailable as a router.
 */
internal object RoutingProcedure {
    suspend fun call(connection: BoltConnection, context: Map<String, String>, database: String?, bookmarks: List<String>): Map<String, Value> {
        val contextValue = MapValue(context.mapValues { StringValue(it.value) })
        val run = when (connection.capabilities.routeForm) {
            RouteForm.CLUSTER_PROCEDURE -> {
                if (database != null) {
                    throw ClientException(
                        "selecting a database ('$database') needs Bolt 4.0+; ${connection.address} speaks Bolt " +
                            "${connection.capabilities.version} (Neo4j 3.5); leave the session's database unset",
                    )
                }
                Run(CLUSTER_QUERY, mapOf("context" to contextValue), TransactionOptions(mode = AccessMode.READ))
            }
            RouteForm.ROUTING_PROCEDURE -> Run(
                ROUTING_QUERY,
                mapOf("context" to contextValue, "database" to (database?.let(::StringValue) ?: NullValue)),
                TransactionOptions(mode = AccessMode.READ, database = SYSTEM_DATABASE, bookmarks = bookmarks),
            )
            else -> error("the routing procedure is only for servers without ROUTE")
        }
        connection.enqueue(run)
        connection.enqueue(Pull())
        connection.flush()
        val runAnswer = connection.receive()
        var record: Response.Record? = null
        var pullAnswer: Response
        while (true) {
            pullAnswer = connection.receive()
            if (pullAnswer !is Response.Record) break
            if (record == null) record = pullAnswer
        }
        if (runAnswer is Response.Failure) throw failure(runAnswer, connection)
        if (pullAnswer is Response.Failure) throw failure(pullAnswer, connection)
        if (runAnswer !is Response.Success || pullAnswer !is Response.Success) {
            throw ProtocolException("the routing procedure on ${connection.address} answered $runAnswer / $pullAnswer")
        }
        val fields = runAnswer.metadata["fields"]?.let { f -> (f as? ListValue)?.values?.map { (it as? StringValue)?.value } }
            ?: throw ProtocolException("the routing procedure on ${connection.address} named no fields")
        val row = record ?: throw ProtocolException("the routing procedure on ${connection.address} returned no record")
        val rt = LinkedHashMap<String, Value>()
        fields.forEachIndexed { i, name -> if (name != null && i < row.fields.size) rt[name] = row.fields[i] }
        return mapOf("rt" to MapValue(rt))
    }

    private fun failure(answer: Response.Failure, connection: BoltConnection): Throwable =
        if (answer.code == PROCEDURE_NOT_FOUND) {
            ServiceUnavailableException(
                "${connection.address} has no routing procedure (${answer.message}): it is not a cluster member or " +
                    "routing is disabled there; connect with bolt:// to use it directly",
                connection.address.toString(),
            )
        } else {
            ServerFailureException(answer, connection.address)
        }

    private const val CLUSTER_QUERY = "CALL dbms.cluster.routing.getRoutingTable(\$context)"
    private const val ROUTING_QUERY = "CALL dbms.routing.getRoutingTable(\$context, \$database)"
    private const val SYSTEM_DATABASE = "system"
    private const val PROCEDURE_NOT_FOUND = "Neo.ClientError.Procedure.ProcedureNotFound"
}

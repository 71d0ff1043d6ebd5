package org.boltkt.client.error

import org.boltkt.client.connection.ReceiveTimeoutException
import org.boltkt.client.connection.RequestEncodingException
import org.boltkt.client.connection.ServerFailureException
import org.boltkt.client.summary.GqlStatusObject
import org.boltkt.client.transport.ServerAddress
import org.boltkt.client.transport.TransportConnectException
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.UnsupportedByVersionException
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import kotlin.coroutines.cancellation.CancellationException
import java.io.IOException

/**
 * The one place where protocol failures and low-level throwables become public [BoltException]s. Stateless and
 * safe from any thread.
 */
internal object ErrorMapper {

    /** Special codes, compared without their vendor prefix so `Neo.` and `Memgraph.` codes map alike. */
    private val special: Map<String, (Fields) -> BoltException> = mapOf(
        "ClientError.Security.Unauthorized" to { f -> f.build(::AuthenticationException) },
        "ClientError.Security.Unauthenticated" to { f -> f.build(::AuthenticationException) },
        "ClientError.Security.TokenExpired" to { f -> f.build(::TokenExpiredException) },
        "ClientError.Security.AuthorizationExpired" to { f -> f.build(::AuthorizationExpiredException) },
        "ClientError.Security.Forbidden" to { f -> f.build(::ForbiddenException) },
        "ClientError.Cluster.NotALeader" to { f -> f.build(::NotALeaderException) },
        "ClientError.General.ForbiddenOnReadOnlyDatabase" to { f -> f.build(::NotALeaderException) },
        "ClientError.Database.DatabaseNotFound" to { f -> f.build(::DatabaseNotFoundException) },
        // Terminated on purpose (by the user, a timeout or an admin): retrying would defeat that purpose.
        "TransientError.Transaction.Terminated" to { f -> f.build(::TransactionTerminatedException) },
        // Neo4j 5+ reports a transaction terminated by TERMINATE TRANSACTIONS under its ClientError code.
        "ClientError.Transaction.Terminated" to { f -> f.build(::TransactionTerminatedException) },
        "TransientError.Transaction.LockClientStopped" to { f -> f.build(::ClientException) },
    )

    /**
     * Converts a server FAILURE into the public exception for its [code][Response.Failure.code]: special codes
     * first, then by classification (`ClientError` → [ClientException], `TransientError` → [TransientException],
     * `DatabaseError` → [DatabaseException]). A code with no known classification (including the placeholder for a
     * GQL failure without `neo4j_code`) uses the GQL `_classification` when present, else [DatabaseException].
     * The GQL status, description, diagnostic record and cause chain are carried over; missing diagnostic-record
     * keys get the GQL defaults, and a failure without GQL fields (before Bolt 5.7) gets status `50N42`
     * ("unexpected error") with the message as description.
     */
    fun fromFailure(failure: Response.Failure): BoltException {
        // Before Bolt 5.7 a FAILURE has no GQL fields: like the official drivers, report the GQL status for an
        // unclassified error (50N42) so callers can rely on the GQL fields whatever the server version.
        val gql = failure.gqlStatus != null
        val fields = Fields(
            message = failure.message,
            code = failure.code,
            gqlStatus = failure.gqlStatus ?: UNKNOWN_GQL_STATUS,
            description = if (gql) failure.description else "$UNKNOWN_GQL_DESCRIPTION ${failure.message}",
            diagnosticRecord = withDiagnosticDefaults(failure.diagnosticRecord),
            cause = failure.cause?.let(::toCauseException),
        )
        special[StatusCodes.withoutVendor(failure.code)]?.let { return it(fields) }
        val classification = StatusCodes.classification(failure.code)?.takeIf { it in KNOWN_CLASSIFICATIONS }
            ?: StatusCodes.fromGqlClassification(
                (failure.diagnosticRecord?.get(BoltException.CLASSIFICATION_KEY) as? StringValue)?.value,
            )
        return when (classification) {
            StatusCodes.CLIENT_ERROR -> fields.build(::ClientException)
            StatusCodes.TRANSIENT_ERROR -> fields.build(::TransientException)
            else -> fields.build(::DatabaseException)
        }
    }

    /**
     * Anything thrown while talking to the server at [address] (null if unknown): a FAILURE answer
     * ([ServerFailureException]) by its code ([fromFailure]), a public exception unchanged, anything else as
     * [fromThrowable] says.
     * @throws CancellationException and JVM errors, rethrown unchanged; [IllegalStateException] for a closed driver.
     */
    fun map(error: Throwable, address: ServerAddress?, duringCommit: Boolean = false): BoltException = when (error) {
        is BoltException -> error
        is ServerFailureException -> fromFailure(error.failure)
        else -> fromThrowable(error, address?.toString(), duringCommit)
    }

    /**
     * Converts a throwable caught while talking to the server at [serverAddress] (`host:port`, or null if unknown):
     * - a [BoltException] is returned unchanged, except that a [ServiceUnavailableException] becomes an
 *   [IncompleteCommitException] when [duringCommit];
     * - a [BoltProtocolException] becomes a [ProtocolException] saying the connection was closed, or an
     *   [IncompleteCommitException] when [duringCommit] (a malformed answer to COMMIT does not tell the outcome);
     * - an [IOException] (every transport failure is one) means connectivity was lost: an
     *   [IncompleteCommitException] when [duringCommit] (COMMIT was sent and not answered), else a
     *   [ServiceUnavailableException] naming [serverAddress].
     *   A read that outlived its bound (the server's receive-timeout hint or the driver's read timeout) becomes a
     *   [ConnectionReadTimeoutException];
     * - a value the caller passed that cannot be encoded becomes a non-retryable [ClientException];
     * - any other exception comes from the driver's own code and becomes a never-retryable [DriverDefectException]
     *   (the caller that holds the connection closes it).
     *
     * The original throwable is the [cause][Throwable.cause] of the result.
     *
     * @throws CancellationException rethrown unchanged: cancellation is never converted.
     * @throws Error rethrown unchanged (for example [OutOfMemoryError]): JVM errors are not connectivity problems.
     */
    fun fromThrowable(t: Throwable, serverAddress: String?, duringCommit: Boolean = false): BoltException {
        if (t is CancellationException || t is Error) throw t
        // Using a closed driver is a programming error, reported like any use of a closed resource.
        if (t is PoolClosedException) throw IllegalStateException(DRIVER_CLOSED, t)
        val where = serverAddress?.let { " to $it" } ?: ""
        return when (t) {
            is IncompleteCommitException -> t
            is ServiceUnavailableException ->
                if (duringCommit) incompleteCommit(where, t.message ?: "connection lost", serverAddress ?: t.serverAddress, t) else t
            is BoltException -> t
            // Nothing reached the wire: the request uses what the negotiated version cannot carry.
            // A usage error, as in the official drivers (ClientException), not a missing driver feature.
            is UnsupportedByVersionException -> ClientException("${t.message}$where")
            // A COMMIT answered with garbage may have committed: the outcome is as unknown as with no answer at all.
            is BoltProtocolException -> if (duringCommit) {
                incompleteCommit(where, t.message ?: "malformed message", serverAddress, t, happened = "sent a malformed answer to COMMIT and was closed")
            } else {
                ProtocolException("Protocol violation on the connection$where, which was closed: ${t.message}", t)
            }
            is TransportConnectException ->
                if (t.certificateRejected) CertificateRejectedException(t.message ?: "certificate rejected", t) else connectivity(t, where, serverAddress, duringCommit)
            // The caller's value cannot be sent; nothing reached the wire, so retrying (anywhere) fails the same way.
            is RequestEncodingException -> ClientException("${t.message}$where; nothing was sent", cause = t.cause)
            is IOException -> connectivity(t, where, serverAddress, duringCommit)
            // Anything else comes from the driver's own code (a failed check, an NPE): a defect, never a lost server.
            else -> defect(t, where)
        }
    }

    /**
     * Summary metadata from [serverAddress] that cannot be read (a plan operator without its type, a status
     * without its code). The records were read and the exchange ended in step, so the connection stays usable.
     */
    fun malformedSummary(serverAddress: String, cause: IllegalArgumentException): ProtocolException =
        ProtocolException("The result summary sent by $serverAddress is malformed: ${cause.message}", cause)

    /** An unexpected exception of the driver's own code; the caller closes the connection involved. */
    private fun defect(t: Throwable, where: String): DriverDefectException = DriverDefectException(
        "Unexpected internal error in the driver (a driver defect; please report it with this stack trace); the " +
            "connection$where was closed and the work is not retried: ${t.javaClass.name}: ${t.message}",
        t,
    )

    private fun connectivity(t: IOException, where: String, serverAddress: String?, duringCommit: Boolean): BoltException {
        val what = t.message ?: t.javaClass.simpleName
        if (duringCommit) return incompleteCommit(where, what, serverAddress, t)
        if (t is ReceiveTimeoutException) return ConnectionReadTimeoutException("Connection$where timed out: $what", serverAddress, t)
        return ServiceUnavailableException("Connection$where failed: $what", serverAddress, t)
    }

    /** COMMIT was sent and no usable answer came: [happened] to the connection; the outcome is unknown. */
    private fun incompleteCommit(
        where: String,
        what: String,
        serverAddress: String?,
        cause: Throwable,
        happened: String = "lost while waiting for the COMMIT result",
    ) = IncompleteCommitException(
        "Connection$where $happened; the transaction may or may not have been committed: $what",
        serverAddress, cause,
    )

    private fun toCauseException(cause: Response.GqlCause): GqlCauseException = GqlCauseException(
        message = cause.message,
        gqlStatus = cause.gqlStatus,
        gqlStatusDescription = cause.description,
        diagnosticRecord = withDiagnosticDefaults(cause.diagnosticRecord),
        cause = cause.cause?.let(::toCauseException),
    )

    /** The server's diagnostic record with the GQL defaults for missing keys, as the GQL standard defines them. */
    private fun withDiagnosticDefaults(record: Map<String, Value>?): Map<String, Value> =
        if (record.isNullOrEmpty()) GqlStatusObject.DIAGNOSTIC_RECORD_DEFAULTS else GqlStatusObject.DIAGNOSTIC_RECORD_DEFAULTS + record

    private const val UNKNOWN_GQL_STATUS = "50N42"
    private const val UNKNOWN_GQL_DESCRIPTION = "error: general processing exception - unexpected error."

    private val KNOWN_CLASSIFICATIONS = setOf(StatusCodes.CLIENT_ERROR, StatusCodes.TRANSIENT_ERROR, StatusCodes.DATABASE_ERROR)

    private class Fields(
        val message: String,
        val code: String,
        val gqlStatus: String?,
        val description: String?,
        val diagnosticRecord: Map<String, Value>?,
        val cause: GqlCauseException?,
    ) {
        fun <E : BoltException> build(ctor: (String, ServerStatus, Throwable?) -> E): E =
            ctor(message, ServerStatus(code, gqlStatus, description, diagnosticRecord), cause)
    }
}

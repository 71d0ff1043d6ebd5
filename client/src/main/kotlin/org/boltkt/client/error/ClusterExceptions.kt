package org.boltkt.client.error


/**
 * The server cannot accept writes for this database: it is not the cluster leader
 * (`Neo.ClientError.Cluster.NotALeader`) or the database is read-only on this member
 * (`Neo.ClientError.General.ForbiddenOnReadOnlyDatabase`); [code] tells which.
 *
 * Routing must drop this server as a writer for the database and refresh its routing table. Retryable, as in the
 * official drivers: after the refresh the work goes to the new leader. (On a standalone read-only database the
 * retries fail the same way until the retry time runs out.)
 */
public class NotALeaderException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : ClientException(message, status, cause) {
    /** Always true: routing sends the retry to another server. */
    override val isRetryable: Boolean get() = true
}

/**
 * The requested database does not exist (`Neo.ClientError.Database.DatabaseNotFound`). Not retryable; routing must
 * not treat it as a connectivity problem (the official drivers call it a fatal discovery error).
 */
public class DatabaseNotFoundException(
    message: String,
    status: ServerStatus = ServerStatus.NONE,
    cause: Throwable? = null,
) : ClientException(message, status, cause)

/**
 * No router of a `neo4j://` driver answered with a routing table: every known router and every seed address (after
 * the resolver) failed or refused. The message names the database and the addresses tried; the failures are the
 * [cause] and its suppressed exceptions. Retryable like any [ServiceUnavailableException]: the cluster may be
 * electing or restarting. Check the URI, that the servers run, and that the client can reach their advertised
 * addresses (see `DriverConfig.routingAddressRewriter`).
 */
public class RoutingUnavailableException(message: String, cause: Throwable? = null) :
    ServiceUnavailableException(message, null, cause)

package org.boltkt.client.routing

import org.boltkt.client.error.IncompleteCommitException
import org.boltkt.client.error.NotALeaderException
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.error.SessionExpiredException
import org.boltkt.client.error.TransientException
import org.boltkt.client.pool.FailurePolicy
import org.boltkt.client.transport.ServerAddress

/**
 * What a failure on a routed connection means for the routing tables, as in the official drivers:
 * - connection lost ([ServiceUnavailableException]): the member leaves every table, and the session sees a
 *   retryable [SessionExpiredException] (a lost COMMIT stays an [IncompleteCommitException], never retried);
 * - `NotALeader` / `ForbiddenOnReadOnlyDatabase` ([NotALeaderException], retryable): the member stops being a writer
 *   of that database, so the retry routes the write to the new leader;
 * - `DatabaseUnavailable` (transient, retryable): the member leaves that database's table.
 */
internal class RoutingFailures(private val tables: RoutingTables) {
    /** The policy of a connection to [address] serving [database]. */
    fun policy(address: ServerAddress, database: String): FailurePolicy = FailurePolicy { error -> onFailure(error, address, database) }

    fun onFailure(error: Throwable, address: ServerAddress, database: String): Throwable = when {
        error is IncompleteCommitException -> error.also { tables.forgetEverywhere(address) }
        error is SessionExpiredException -> error
        error is ServiceUnavailableException -> {
            tables.forgetEverywhere(address)
            SessionExpiredException("the server at $address is no longer available: ${error.message}", error)
        }
        error is NotALeaderException -> error.also { tables.forgetWriter(database, address) }
        error is TransientException && error.code?.endsWith("General.DatabaseUnavailable") == true ->
            error.also { tables.forget(database, address) }
        else -> error
    }
}

package org.boltkt.client.session

import org.boltkt.client.connection.ServerAgents
import org.boltkt.client.error.IncompleteCommitException
import org.boltkt.client.error.SessionExpiredException
import org.boltkt.protocol.message.AccessMode

/**
 * A managed READ transaction whose COMMIT went unanswered is safe to run again on Neo4j: Neo4j (4.0+) refuses any
 * write in a READ transaction ("Writing in read access mode not allowed"), so whatever the commit's fate, nothing
 * was written. Losing a reader mid-commit (a cluster member dying) must not fail the user's managed read, so the
 * loss becomes a retryable [SessionExpiredException] carrying the original [IncompleteCommitException].
 *
 * Everywhere else the unknown outcome stands and is never retried: WRITE transactions, and servers that do not
 * enforce READ access (Memgraph, including its default `Neo4j/v5.11.0 compatible … - Memgraph` agent; unknown agents).
 */
internal fun Throwable.retryableWhenReadOnlyOnNeo4j(mode: AccessMode, serverAgent: String?): Throwable =
    if (this is IncompleteCommitException && mode == AccessMode.READ && ServerAgents.isNeo4j(serverAgent)) {
        SessionExpiredException(
            "the connection was lost while committing a READ transaction; Neo4j refuses writes in READ transactions, " +
                "so nothing was written and the managed transaction is run again (${message})",
            this,
        )
    } else {
        this
    }

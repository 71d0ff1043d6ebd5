package org.boltkt.client

import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.bookmark.BookmarkManager
import org.boltkt.client.record.Record
import org.boltkt.client.summary.ResultSummary
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken

/**
 * Settings of [Driver.executeQuery].
 *
 * @property routing READ sends the query to a reader (in a cluster) and runs it in a read transaction.
 * @property bookmarkManager null disables bookmark chaining between calls; [UseDriverDefault] (the default) uses
 *   [Driver.executeQueryBookmarkManager].
 */
public data class QueryConfig(
    public val database: String? = null,
    public val routing: AccessMode = AccessMode.WRITE,
    public val impersonatedUser: String? = null,
    public val bookmarkManager: BookmarkManager? = UseDriverDefault,
    public val auth: AuthToken? = null,
    public val transactionConfig: TransactionConfig = TransactionConfig.DEFAULT,
) {
    public companion object {
        /** Marker for "the driver's executeQuery bookmark manager". Declared first: [DEFAULT] refers to it. */
        public val UseDriverDefault: BookmarkManager = object : BookmarkManager {
            override suspend fun getBookmarks() = emptySet<Bookmark>()
            override suspend fun updateBookmarks(previous: Set<Bookmark>, new: Set<Bookmark>) = Unit
            override fun toString() = "UseDriverDefault"
        }

        public val DEFAULT: QueryConfig = QueryConfig()
    }
}

/** All records of an [Driver.executeQuery] call, read eagerly, with the column [keys] and the [summary]. */
public data class EagerResult(public val keys: List<String>, public val records: List<Record>, public val summary: ResultSummary)

package org.boltkt.client

import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.bookmark.BookmarkManager
import org.boltkt.client.record.Record
import org.boltkt.client.summary.ResultSummary
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken
import java.util.Objects

/**
 * Settings of [Driver.executeQuery].
 *
 * @property routing READ sends the query to a reader (in a cluster) and runs it in a read transaction.
 * @property bookmarkManager null disables bookmark chaining between calls; [UseDriverDefault] (the default) uses
 *   [Driver.executeQueryBookmarkManager].
 */
public class QueryConfig(
    public val database: String? = null,
    public val routing: AccessMode = AccessMode.WRITE,
    public val impersonatedUser: String? = null,
    public val bookmarkManager: BookmarkManager? = UseDriverDefault,
    public val auth: AuthToken? = null,
    public val transactionConfig: TransactionConfig = TransactionConfig.DEFAULT,
) {
    // A plain class, not a data class: a data class's copy() and constructor change with every new field, which
    // breaks callers compiled against the previous version (docs/API.md says how a field is added).
    override fun equals(other: Any?): Boolean = other is QueryConfig && database == other.database &&
        routing == other.routing && impersonatedUser == other.impersonatedUser &&
        bookmarkManager == other.bookmarkManager && auth == other.auth && transactionConfig == other.transactionConfig

    override fun hashCode(): Int = Objects.hash(database, routing, impersonatedUser, bookmarkManager, auth, transactionConfig)

    override fun toString(): String = "QueryConfig(database=$database, routing=$routing, impersonatedUser=$impersonatedUser, " +
        "bookmarkManager=$bookmarkManager, auth=$auth, transactionConfig=$transactionConfig)"

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
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class EagerResult internal constructor(public val keys: List<String>, public val records: List<Record>, public val summary: ResultSummary)

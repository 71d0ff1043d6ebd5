package org.boltkt.client.bookmark

/**
 * Keeps track of bookmarks on behalf of sessions so that work in different sessions (possibly on different
 * coroutines or threads) is causally chained: a session configured with a manager starts each transaction with
 * [getBookmarks] and reports the outcome with [updateBookmarks].
 *
 * Implementations must be safe for concurrent use, should be quick (they are on the path of every transaction), and
 * must not use the driver. Cancellation of the caller may abandon a call part-way; implementations must stay
 * consistent when that happens.
 */
public interface BookmarkManager {
    /** The bookmarks a new transaction should wait for. Returns a snapshot the caller may keep. */
    public suspend fun getBookmarks(): Set<Bookmark>

    /**
     * Reports that a transaction started with [previous] bookmarks committed and produced [new] ones: the
     * [previous] bookmarks are superseded and replaced by [new]. When [new] is empty (for example a read-only
     * transaction on an old server) nothing changes.
     */
    public suspend fun updateBookmarks(previous: Set<Bookmark>, new: Set<Bookmark>)
}

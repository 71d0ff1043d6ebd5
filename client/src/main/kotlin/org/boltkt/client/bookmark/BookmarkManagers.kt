package org.boltkt.client.bookmark

import java.util.concurrent.atomic.AtomicReference

/** Factories for [BookmarkManager]s. */
public object BookmarkManagers {
    /**
     * The standard manager, with the official drivers' semantics:
     * - it starts with [initial];
     * - [BookmarkManager.getBookmarks] returns the held bookmarks plus, when given, those from [supplier] (called on
     *   every get; its bookmarks are not stored);
     * - [BookmarkManager.updateBookmarks] removes `previous` and adds `new` atomically, then, when given, calls
     *   [consumer] with a snapshot of the resulting set. An update with no new bookmarks changes nothing and
     *   notifies nobody.
     *
     * Thread-safe and lock-free. [supplier] and [consumer] run outside any lock, on the caller's coroutine; with
     * concurrent updates, [consumer] may be called concurrently and its snapshots may arrive out of order (the most
     * recent state is always what [BookmarkManager.getBookmarks] returns). Exceptions from [supplier] or
     * [consumer] propagate to the caller; a failing [consumer] does not undo the update.
     */
    public fun default(
        initial: Set<Bookmark> = emptySet(),
        supplier: (suspend () -> Set<Bookmark>)? = null,
        consumer: (suspend (Set<Bookmark>) -> Unit)? = null,
    ): BookmarkManager = DefaultBookmarkManager(initial, supplier, consumer)
}

private class DefaultBookmarkManager(
    initial: Set<Bookmark>,
    private val supplier: (suspend () -> Set<Bookmark>)?,
    private val consumer: (suspend (Set<Bookmark>) -> Unit)?,
) : BookmarkManager {
    /** Always an immutable set, replaced as a whole by compare-and-set. */
    private val bookmarks = AtomicReference<Set<Bookmark>>(initial.toSet())

    override suspend fun getBookmarks(): Set<Bookmark> {
        val held = bookmarks.get()
        val supplied = supplier?.invoke() ?: return held
        return held + supplied
    }

    override suspend fun updateBookmarks(previous: Set<Bookmark>, new: Set<Bookmark>) {
        if (new.isEmpty()) return
        val updated = bookmarks.updateAndGet { current -> (current - previous) + new }
        consumer?.invoke(updated)
    }

    override fun toString(): String = "BookmarkManagers.default(${bookmarks.get().size} bookmarks)"
}

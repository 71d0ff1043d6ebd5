package org.boltkt.javainterop

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.GlobalScope
import kotlinx.coroutines.future.await
import kotlinx.coroutines.future.future
import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.bookmark.BookmarkManager
import org.boltkt.client.bookmark.BookmarkManagers
import java.util.concurrent.CompletionStage
import java.util.function.Consumer
import java.util.function.Supplier

/**
 * The Java shape of [BookmarkManager]: shares bookmarks between sessions so their work is causally chained. Same
 * contract: safe for concurrent use, quick, must not use the driver. A stage completing exceptionally fails the
 * transaction that asked with that exception.
 */
public interface JavaBookmarkManager {
    /** The bookmarks a new transaction should wait for (a snapshot). */
    public fun getBookmarks(): CompletionStage<Set<Bookmark>>

    /** A transaction started with [previous] committed and produced [new]: replace the former by the latter. */
    public fun updateBookmarks(previous: Set<Bookmark>, new: Set<Bookmark>): CompletionStage<Void?>
}

/** Factories and adapters for bookmark managers, delegating to [BookmarkManagers]. */
public object JavaBookmarkManagers {
    /**
     * The standard manager ([BookmarkManagers.default]): starts with [initial], adds [supplier]'s bookmarks on every
     * get (not stored), and calls [consumer] with the new set after each update. Thread-safe, lock-free; [supplier]
     * and [consumer] run on the driver's thread and must not block.
     */
    @JvmStatic
    @JvmOverloads
    public fun defaultManager(
        initial: Set<Bookmark> = emptySet(),
        supplier: Supplier<Set<Bookmark>>? = null,
        consumer: Consumer<Set<Bookmark>>? = null,
    ): JavaBookmarkManager = KotlinBookmarkManagerView(
        BookmarkManagers.default(
            initial,
            supplier?.let { s -> { s.get() } },
            consumer?.let { c -> { set: Set<Bookmark> -> c.accept(set) } },
        ),
    )

    /** The bookmarks with these raw [values]; duplicates collapse. */
    @JvmStatic
    public fun bookmarks(vararg values: String): Set<Bookmark> = Bookmark.setOf(*values)

    /** The Kotlin manager behind a Java one (the original when it is a view of a Kotlin manager). */
    @JvmStatic
    public fun toKotlin(manager: JavaBookmarkManager): BookmarkManager =
        (manager as? KotlinBookmarkManagerView)?.delegate ?: JavaBookmarkManagerAdapter(manager)

    /** A Java view of a Kotlin manager; its stages complete on `Dispatchers.Default` (or at once). */
    @JvmStatic
    public fun fromKotlin(manager: BookmarkManager): JavaBookmarkManager =
        (manager as? JavaBookmarkManagerAdapter)?.delegate ?: KotlinBookmarkManagerView(manager)
}

@OptIn(kotlinx.coroutines.DelicateCoroutinesApi::class)
private class KotlinBookmarkManagerView(val delegate: BookmarkManager) : JavaBookmarkManager {
    override fun getBookmarks(): CompletionStage<Set<Bookmark>> = GlobalScope.future(Dispatchers.Default) { delegate.getBookmarks() }
    override fun updateBookmarks(previous: Set<Bookmark>, new: Set<Bookmark>): CompletionStage<Void?> =
        GlobalScope.future(Dispatchers.Default) { delegate.updateBookmarks(previous, new); null }
    override fun toString(): String = delegate.toString()
}

private class JavaBookmarkManagerAdapter(val delegate: JavaBookmarkManager) : BookmarkManager {
    override suspend fun getBookmarks(): Set<Bookmark> = delegate.getBookmarks().await()
    override suspend fun updateBookmarks(previous: Set<Bookmark>, new: Set<Bookmark>) {
        delegate.updateBookmarks(previous, new).await()
    }
    override fun toString(): String = delegate.toString()
}

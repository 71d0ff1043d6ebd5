package org.boltkt.client.bookmark

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.withContext
import org.junit.jupiter.api.Test
import java.util.Collections
import java.util.concurrent.atomic.AtomicInteger

class BookmarkManagersTest {

    @Test
    fun `bookmarks are values and sets collapse duplicates`() {
        Bookmark("a") shouldBe Bookmark("a")
        Bookmark.setOf("a", "b", "a") shouldBe setOf(Bookmark("a"), Bookmark("b"))
        Bookmark.setOf(listOf("x", "y")).bookmarkValues() shouldContainExactly listOf("x", "y")
        shouldThrow<IllegalArgumentException> { Bookmark("") }
    }

    @Test
    fun `update replaces the previous bookmarks with the new ones`() = runTest {
        val manager = BookmarkManagers.default(initial = Bookmark.setOf("a", "b"))
        manager.getBookmarks() shouldBe Bookmark.setOf("a", "b")

        manager.updateBookmarks(Bookmark.setOf("a"), Bookmark.setOf("c"))
        manager.getBookmarks() shouldBe Bookmark.setOf("b", "c")

        // Previous bookmarks the manager never held are simply ignored.
        manager.updateBookmarks(Bookmark.setOf("zzz", "b"), Bookmark.setOf("d"))
        manager.getBookmarks() shouldBe Bookmark.setOf("c", "d")

        manager.updateBookmarks(emptySet(), Bookmark.setOf("e"))
        manager.getBookmarks() shouldBe Bookmark.setOf("c", "d", "e")
    }

    @Test
    fun `an update without new bookmarks changes nothing and notifies nobody`() = runTest {
        val notified = mutableListOf<Set<Bookmark>>()
        val manager = BookmarkManagers.default(Bookmark.setOf("a"), consumer = { notified += it })
        manager.updateBookmarks(Bookmark.setOf("a"), emptySet())
        manager.getBookmarks() shouldBe Bookmark.setOf("a")
        notified shouldBe emptyList()
    }

    @Test
    fun `the initial set is copied, and returned snapshots do not change later`() = runTest {
        val initial = mutableSetOf(Bookmark("a"))
        val manager = BookmarkManagers.default(initial)
        initial += Bookmark("sneaky")
        val snapshot = manager.getBookmarks()
        snapshot shouldBe Bookmark.setOf("a")
        manager.updateBookmarks(Bookmark.setOf("a"), Bookmark.setOf("b"))
        snapshot shouldBe Bookmark.setOf("a")
    }

    @Test
    fun `supplier bookmarks are added on every get but never stored`() = runTest {
        val calls = AtomicInteger()
        val manager = BookmarkManagers.default(
            initial = Bookmark.setOf("held"),
            supplier = { Bookmark.setOf("supplied-${calls.incrementAndGet()}") },
        )
        manager.getBookmarks() shouldBe Bookmark.setOf("held", "supplied-1")
        manager.getBookmarks() shouldBe Bookmark.setOf("held", "supplied-2")
        manager.updateBookmarks(Bookmark.setOf("held", "supplied-2"), Bookmark.setOf("new"))
        manager.getBookmarks() shouldBe Bookmark.setOf("new", "supplied-3")
    }

    @Test
    fun `consumer gets the resulting set after each update`() = runTest {
        val notified = mutableListOf<Set<Bookmark>>()
        val manager = BookmarkManagers.default(Bookmark.setOf("a"), consumer = { notified += it })
        manager.updateBookmarks(Bookmark.setOf("a"), Bookmark.setOf("b"))
        manager.updateBookmarks(emptySet(), Bookmark.setOf("c"))
        notified shouldContainExactly listOf(Bookmark.setOf("b"), Bookmark.setOf("b", "c"))
    }

    @Test
    fun `a failing consumer propagates but the update stays`() = runTest {
        val manager = BookmarkManagers.default(consumer = { error("consumer down") })
        shouldThrow<IllegalStateException> { manager.updateBookmarks(emptySet(), Bookmark.setOf("x")) }
        manager.getBookmarks() shouldBe Bookmark.setOf("x")
    }

    @Test
    fun `many coroutines updating concurrently lose no update`(): Unit = runBlocking {
        val n = 2_000
        val consumed = AtomicInteger()
        val seen = Collections.synchronizedList(mutableListOf<Set<Bookmark>>())
        val manager = BookmarkManagers.default(
            initial = (0 until n).map { Bookmark("old-$it") }.toSet(),
            consumer = { consumed.incrementAndGet(); seen += it },
        )
        withContext(Dispatchers.Default) {
            coroutineScope {
                repeat(n) { i ->
                    launch { manager.updateBookmarks(Bookmark.setOf("old-$i"), Bookmark.setOf("new-$i")) }
                }
            }
        }
        manager.getBookmarks() shouldBe (0 until n).map { Bookmark("new-$it") }.toSet()
        consumed.get() shouldBe n
        // Every snapshot handed to the consumer was a consistent state: exactly n bookmarks.
        seen.all { it.size == n } shouldBe true
    }
}

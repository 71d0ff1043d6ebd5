package org.boltkt.client.bookmark

/**
 * An opaque token from the server naming a state of the database (a committed transaction). Passing bookmarks to a
 * new transaction makes the server wait until it has caught up with those states, which chains work causally even
 * across cluster members. Sessions pass them around as a `Set<Bookmark>`. Immutable; equality is by [value].
 *
 * @property value the server's bookmark string, never empty; do not parse it.
 */
public class Bookmark(public val value: String) {
    init {
        require(value.isNotEmpty()) { "A bookmark must not be empty" }
    }

    override fun equals(other: Any?): Boolean = other is Bookmark && value == other.value
    override fun hashCode(): Int = value.hashCode()
    override fun toString(): String = "Bookmark($value)"

    public companion object {
        /** The set of bookmarks with the given [values]; duplicates collapse. */
        public fun setOf(vararg values: String): Set<Bookmark> = values.mapTo(LinkedHashSet(), ::Bookmark)

        /** The set of bookmarks with the given [values]; duplicates collapse. */
        public fun setOf(values: Iterable<String>): Set<Bookmark> = values.mapTo(LinkedHashSet(), ::Bookmark)
    }
}

/** The raw strings of these bookmarks, as sent to the server in BEGIN or RUN. */
public fun Iterable<Bookmark>.bookmarkValues(): List<String> = map { it.value }

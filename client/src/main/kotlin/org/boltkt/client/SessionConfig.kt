package org.boltkt.client

import org.boltkt.client.bookmark.Bookmark
import org.boltkt.client.bookmark.BookmarkManager
import org.boltkt.protocol.message.AccessMode
import org.boltkt.protocol.message.AuthToken

/**
 * Per-session settings, built with the DSL of [Driver.session]:
 * ```
 * driver.session { database = "movies"; defaultAccessMode = AccessMode.READ }
 * ```
 * Immutable.
 *
 * @property database target database; null means the user's home database.
 * @property defaultAccessMode routing of `run` and `beginTransaction` (READ goes to readers in a cluster).
 * @property fetchSize records per PULL for this session (a result's first PULL; later ones grow as
 *   `DriverConfig.fetchSizeGrowth` says); null uses the driver's.
 * @property bookmarks bookmarks the first transaction waits for (causal consistency).
 * @property bookmarkManager shares bookmarks between sessions; null uses only this session's own chain.
 * @property impersonatedUser run as this user (Bolt 4.4+; the credentials must allow impersonation).
 * @property auth session-level credentials (Bolt 5.1+ re-authenticates pooled connections); null uses the driver's.
 * @property notificationFilter notification filter for this session's work (Bolt 5.2+); null uses the driver's.
 */
public class SessionConfig private constructor(builder: SessionConfigBuilder) {
    public val database: String? = builder.database
    public val defaultAccessMode: AccessMode = builder.defaultAccessMode
    public val fetchSize: Long? = builder.fetchSize
    public val bookmarks: Set<Bookmark> = builder.bookmarks.toSet()
    public val bookmarkManager: BookmarkManager? = builder.bookmarkManager
    public val impersonatedUser: String? = builder.impersonatedUser
    public val auth: AuthToken? = builder.auth
    public val notificationFilter: NotificationFilterConfig? = builder.notificationFilter

    init {
        require(database == null || database.isNotBlank()) { "database must not be blank; use null for the home database" }
        require(fetchSize == null || fetchSize == -1L || fetchSize > 0) { "fetchSize must be positive or -1 (all), was $fetchSize" }
    }

    public companion object {
        /** Home database, WRITE, driver defaults. */
        public val DEFAULT: SessionConfig = build { }

        /** Builds a config from the DSL. @throws IllegalArgumentException for invalid values. */
        public fun build(block: SessionConfigBuilder.() -> Unit): SessionConfig = SessionConfig(SessionConfigBuilder().apply(block))
    }
}

/** The DSL behind [SessionConfig]. Not thread-safe. */
public class SessionConfigBuilder internal constructor() {
    public var database: String? = null
    public var defaultAccessMode: AccessMode = AccessMode.WRITE
    public var fetchSize: Long? = null
    public var bookmarks: Collection<Bookmark> = emptySet()
    public var bookmarkManager: BookmarkManager? = null
    public var impersonatedUser: String? = null
    public var auth: AuthToken? = null
    public var notificationFilter: NotificationFilterConfig? = null
}

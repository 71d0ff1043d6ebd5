package org.boltkt.client

import org.boltkt.protocol.message.NotificationFilter

/**
 * The lowest severity of notifications the server should send (Bolt 5.2+), as the official drivers'
 * `NotificationMinimumSeverity` (Python) / `NotificationConfig.enableMinimumSeverity` (Java). The server can skip
 * the analysis behind the notifications it does not send, so raising it can make queries faster.
 */
public enum class NotificationMinimumSeverity(internal val wire: String) {
    /** Every notification: INFORMATION and WARNING. */
    INFORMATION("INFORMATION"),

    /** Warnings only. */
    WARNING("WARNING"),

    /** No notifications at all (the "disable all" setting). */
    OFF("OFF"),
}

/**
 * A classification (called category before Bolt 5.5) of notifications the server should not send (Bolt 5.2+), as
 * the official drivers' `NotificationClassification` (Java) / `NotificationDisabledClassification` (Python). The
 * summary reports a received notification's classification as [org.boltkt.client.summary.NotificationCategory].
 */
public enum class NotificationDisabledClassification(internal val wire: String) {
    /** A hint in the query (index, join) cannot be satisfied. */
    HINT("HINT"),

    /** The query names something the database does not know (label, relationship type, property key). */
    UNRECOGNIZED("UNRECOGNIZED"),

    /** Features that are unsupported here or experimental. */
    UNSUPPORTED("UNSUPPORTED"),

    /** The query may be slow (cartesian products, unbounded patterns, eager operators). */
    PERFORMANCE("PERFORMANCE"),

    /** Deprecated features that should be replaced. */
    DEPRECATION("DEPRECATION"),

    /** Potential security issues (e.g. role or privilege commands with no effect). */
    SECURITY("SECURITY"),

    /** Database and server topology commands. */
    TOPOLOGY("TOPOLOGY"),

    /** Index and constraint management. */
    SCHEMA("SCHEMA"),

    /** Anything not covered by the others. */
    GENERIC("GENERIC"),
}

/**
 * Which notifications the server sends (Bolt 5.2+), for the driver ([DriverConfig.notificationFilter], sent once
 * per connection in HELLO) or a session ([SessionConfig.notificationFilter], sent in its BEGIN/RUN and replacing
 * the driver's). Null fields keep the server's default; an empty [disabledClassifications] re-enables every
 * classification the driver-level filter disabled.
 *
 * Immutable and thread-safe. On a connection older than Bolt 5.2 a driver-level filter is not sent; a session
 * filter fails the query before anything is sent with a non-retryable
 * [org.boltkt.client.error.ClientException].
 *
 * @property minimumSeverity the lowest severity sent; [NotificationMinimumSeverity.OFF] disables all.
 * @property disabledClassifications classifications the server should not send.
 */
public data class NotificationFilterConfig @JvmOverloads constructor(
    public val minimumSeverity: NotificationMinimumSeverity? = null,
    public val disabledClassifications: Set<NotificationDisabledClassification>? = null,
) {
    /** The wire form (severity and classification names as Bolt spells them). */
    internal fun toProtocol(): NotificationFilter =
        NotificationFilter(minimumSeverity?.wire, disabledClassifications?.mapTo(LinkedHashSet()) { it.wire })

    public companion object {
        /** No notifications at all. */
        @JvmField
        public val DISABLE_ALL: NotificationFilterConfig = NotificationFilterConfig(NotificationMinimumSeverity.OFF)

        /** A filter disabling [classifications] and keeping the server's default minimum severity. */
        @JvmStatic
        public fun disabling(vararg classifications: NotificationDisabledClassification): NotificationFilterConfig =
            NotificationFilterConfig(disabledClassifications = classifications.toSet())
    }
}

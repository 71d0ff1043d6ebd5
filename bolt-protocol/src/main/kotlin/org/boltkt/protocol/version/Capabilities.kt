package org.boltkt.protocol.version

import org.boltkt.protocol.value.ValueFormat

/** Which server family is on the other end; used only for documented deviations from the Neo4j behaviour. */
public enum class ServerFlavor { NEO4J, MEMGRAPH }

/** The shape of the ROUTE message: none before 4.3, `db` as a plain field in 4.3, an `extra` map from 4.4. */
public enum class RouteForm { UNSUPPORTED, V4_3, V4_4 }

/**
 * Everything that differs between negotiated Bolt versions, as one value derived by [of]. Encoders and decoders
 * consult these flags, never the version number, so a quirk is added in one place.
 *
 * Immutable and thread-safe.
 *
 * @property version the negotiated version.
 * @property flavor the server family (see [ServerFlavor]).
 * @property logonLogoff authentication travels in LOGON/LOGOFF instead of HELLO (5.1+).
 * @property notificationFilters HELLO/BEGIN/RUN accept notification filters (5.2+).
 * @property notificationClassificationsKey the filter key naming disabled groups: `notifications_disabled_categories`
 *   before 5.5, `notifications_disabled_classifications` from 5.5.
 * @property boltAgent HELLO carries `bolt_agent` (5.3+).
 * @property telemetry the TELEMETRY message exists (5.4+); whether to send it is the server's hint in HELLO SUCCESS.
 * @property gqlStatusesInSuccess SUCCESS summaries report GQL `statuses` rather than `notifications` (5.5+).
 * @property gqlFailures FAILURE uses the GQL shape (gql_status, description, neo4j_code, diagnostic_record,
 *   cause) (5.7+).
 * @property homeDatabaseHint SUCCESS of BEGIN/RUN may carry the resolved home database `db` (5.8+).
 * @property impersonation `imp_user` is accepted in BEGIN/RUN/ROUTE (4.4+).
 * @property routeForm which ROUTE layout applies.
 * @property requestsUtcPatch HELLO asks for the `utc` patch (Bolt 4.3 and 4.4; 5.0+ always use UTC date-times).
 * @property valueFormat the structure choices for values (element ids, UTC date-times, vectors).
 */
public data class Capabilities(
    public val version: BoltVersion,
    public val flavor: ServerFlavor,
    public val logonLogoff: Boolean,
    public val notificationFilters: Boolean,
    public val notificationClassificationsKey: String,
    public val boltAgent: Boolean,
    public val telemetry: Boolean,
    public val gqlStatusesInSuccess: Boolean,
    public val gqlFailures: Boolean,
    public val homeDatabaseHint: Boolean,
    public val impersonation: Boolean,
    public val routeForm: RouteForm,
    public val requestsUtcPatch: Boolean,
    public val valueFormat: ValueFormat,
) {
    public companion object {
        /**
         * Derives the capabilities of [version].
         *
         * @param utcPatch the server confirmed the 4.3/4.4 `utc` patch (`patch_bolt` in HELLO SUCCESS); ignored for
         *   5.0+, which always use UTC date-times.
         * @param flavor the server family. No Memgraph-specific wire deviations are modelled yet; the flag is
         *   carried so the client can branch on it without a second type.
         * @throws IllegalArgumentException for versions this driver does not speak (below 4.3 or above 6.x).
         */
        public fun of(version: BoltVersion, utcPatch: Boolean = false, flavor: ServerFlavor = ServerFlavor.NEO4J): Capabilities {
            require(version.atLeast(4, 3) && version.major <= 6) { "Bolt $version is not supported (4.3 .. 6.x)" }
            val v5 = version.major >= 5
            return Capabilities(
                version = version,
                flavor = flavor,
                logonLogoff = version.atLeast(5, 1),
                notificationFilters = version.atLeast(5, 2),
                notificationClassificationsKey = if (version.atLeast(5, 5)) {
                    "notifications_disabled_classifications"
                } else {
                    "notifications_disabled_categories"
                },
                boltAgent = version.atLeast(5, 3),
                telemetry = version.atLeast(5, 4),
                gqlStatusesInSuccess = version.atLeast(5, 5),
                gqlFailures = version.atLeast(5, 7),
                homeDatabaseHint = version.atLeast(5, 8),
                impersonation = version.atLeast(4, 4),
                routeForm = if (version.atLeast(4, 4)) RouteForm.V4_4 else RouteForm.V4_3,
                requestsUtcPatch = version == BoltVersion.V4_3 || version == BoltVersion.V4_4,
                valueFormat = ValueFormat(
                    elementIds = v5,
                    utcDateTime = v5 || (utcPatch && (version == BoltVersion.V4_3 || version == BoltVersion.V4_4)),
                    vectors = version.major >= 6,
                ),
            )
        }
    }
}

package org.boltkt.protocol.version

import org.boltkt.protocol.value.ValueFormat

/** Which server family is on the other end; used only for documented deviations from the Neo4j behaviour. */
public enum class ServerFlavor { NEO4J, MEMGRAPH }

/**
 * How a routing table is fetched: before 4.3 with a procedure call (Bolt 3 `dbms.cluster.routing.getRoutingTable`
 * with the routing context only; 4.1/4.2 `dbms.routing.getRoutingTable` with a database, run against `system`), from
 * 4.3 with the ROUTE message (`db` as a plain field in 4.3, an `extra` map from 4.4).
 */
public enum class RouteForm { CLUSTER_PROCEDURE, ROUTING_PROCEDURE, V4_3, V4_4 }

/**
 * Everything that differs between negotiated Bolt versions, as one value derived by [of]. Encoders and decoders
 * consult these flags, never the version number, so a quirk is added in one place.
 *
 * Immutable and thread-safe.
 *
 * @property version the negotiated version.
 * @property pullN PULL and DISCARD carry `n` and `qid` (4.0+); before, they are PULL_ALL and DISCARD_ALL without
 *   fields, so a result is always streamed whole.
 * @property databases BEGIN and RUN may name a database (`db`, 4.0+).
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
 * @property valueFormat the structure choices for values (element ids, UTC date-times, vectors from 6.0, UUIDs
 *   from 6.1).
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class Capabilities internal constructor(
    public val version: BoltVersion,
    public val flavor: ServerFlavor,
    public val pullN: Boolean,
    public val databases: Boolean,
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
         * @throws IllegalArgumentException for versions this driver does not speak (other than 3.0, 4.1–4.4, 5.x
         *   and 6.x).
         */
        public fun of(version: BoltVersion, utcPatch: Boolean = false, flavor: ServerFlavor = ServerFlavor.NEO4J): Capabilities {
            require(isSpoken(version)) { "Bolt $version is not supported (3.0, 4.1 .. 4.4, 5.x, 6.x)" }
            val v5 = version.major >= 5
            return Capabilities(
                version = version,
                flavor = flavor,
                pullN = version.major >= 4,
                databases = version.major >= 4,
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
                routeForm = when {
                    version.atLeast(4, 4) -> RouteForm.V4_4
                    version.atLeast(4, 3) -> RouteForm.V4_3
                    version.major == 4 -> RouteForm.ROUTING_PROCEDURE
                    else -> RouteForm.CLUSTER_PROCEDURE
                },
                requestsUtcPatch = version == BoltVersion.V4_3 || version == BoltVersion.V4_4,
                valueFormat = ValueFormat(
                    elementIds = v5,
                    utcDateTime = v5 || (utcPatch && (version == BoltVersion.V4_3 || version == BoltVersion.V4_4)),
                    vectors = version.major >= 6,
                    uuids = version.atLeast(6, 1),
                ),
            )
        }

        /** True for the versions [of] accepts: 3.0, 4.1–4.4, 5.x and 6.x (4.0, Bolt 1 and 2 are not). */
        public fun isSpoken(version: BoltVersion): Boolean =
            version == BoltVersion.V3_0 || (version.major == 4 && version.minor in 1..4) || version.major in 5..6
    }
}

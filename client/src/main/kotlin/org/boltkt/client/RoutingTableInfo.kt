package org.boltkt.client

import org.boltkt.client.transport.ServerAddress

/**
 * A snapshot of one database's routing table held by a `neo4j://` driver (see [Driver.routingTable]): the members
 * as the driver currently sees them, i.e. the last ROUTE answer (after [DriverConfig.routingAddressRewriter]) minus
 * the members it has since seen fail. Immutable.
 *
 * @property database the database (the resolved name for a home database); null for a home-database table whose
 *   router did not name it (Bolt 3 servers, Memgraph coordinators).
 * @property routers members asked for new tables.
 * @property readers members that serve read transactions.
 * @property writers members that serve write transactions (empty while a cluster elects a leader).
 * @property ttlSeconds the time to live the server gave the table.
 * @property expired whether the TTL has passed (or a failure expired it): the next use fetches a new table.
 */
@ConsistentCopyVisibility // built by the driver: internal constructor and copy, so fields can be added (docs/API.md)
public data class RoutingTableInfo internal constructor(
    public val database: String?,
    public val routers: List<ServerAddress>,
    public val readers: List<ServerAddress>,
    public val writers: List<ServerAddress>,
    public val ttlSeconds: Long,
    public val expired: Boolean,
)

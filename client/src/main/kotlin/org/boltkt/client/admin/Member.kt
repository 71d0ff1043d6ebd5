package org.boltkt.client.admin

/**
 * Which server a per-server operation of [Admin] addresses. Transactions, queries, connections and settings belong
 * to one server, not to the cluster: in a `neo4j://` cluster each member lists only its own. Immutable.
 *
 * - [Any]: whichever server the driver picks (a `bolt://` driver's server; in a cluster, a member chosen by routing).
 * - [At]: the member at `host:port` as the routing table names it (see [Admin.members]).
 * - [Every]: each member in turn (one, for a `bolt://` driver); list results are concatenated, each item naming
 *   the member it came from.
 *
 * Java: `Member.any()`, `Member.at("host:7687")`, `Member.every()`.
 */
public sealed class Member {
    /** Whichever server the driver picks. */
    public data object Any : Member()

    /** Each member in turn. */
    public data object Every : Member()

    /**
     * The member at [address] (`host:port`, as [Admin.members] lists it).
     * @throws IllegalArgumentException for a blank address.
     */
    public class At(public val address: String) : Member() {
        init {
            require(address.isNotBlank()) { "a member address must be host:port, e.g. \"localhost:7687\"" }
        }

        override fun equals(other: kotlin.Any?): Boolean = other is At && other.address == address

        override fun hashCode(): Int = address.hashCode()

        override fun toString(): String = "Member.At($address)"
    }

    /** Factories for Java. */
    public companion object {
        /** [Any]. */
        @JvmStatic
        public fun any(): Member = Any

        /** [Every]. */
        @JvmStatic
        public fun every(): Member = Every

        /** [At] for [address] (`host:port`). */
        @JvmStatic
        public fun at(address: String): Member = At(address)
    }
}

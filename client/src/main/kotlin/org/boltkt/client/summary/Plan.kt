package org.boltkt.client.summary

import org.boltkt.protocol.value.Value

/**
 * One operator of the execution plan the server reports for `EXPLAIN` (metadata `plan`), recursively.
 * A [ProfiledPlan] (for `PROFILE`) is a plan with execution statistics. Immutable and thread-safe.
 *
 * @property operatorType the operator name as sent, e.g. `ProduceResults@neo4j`.
 * @property identifiers the variables this operator produces.
 * @property arguments operator arguments (`args`) as sent, e.g. `Details`, `EstimatedRows`, `planner`.
 */
public open class Plan(
    public val operatorType: String,
    public val identifiers: List<String>,
    public val arguments: Map<String, Value>,
    children: List<Plan>,
) {
    /** The operators feeding this one, in server order. */
    public open val children: List<Plan> = children

    override fun equals(other: Any?): Boolean = other is Plan && other !is ProfiledPlan && this !is ProfiledPlan &&
        sameShape(other)

    internal fun sameShape(other: Plan): Boolean = operatorType == other.operatorType &&
        identifiers == other.identifiers && arguments == other.arguments && children == other.children

    override fun hashCode(): Int = ((operatorType.hashCode() * 31 + identifiers.hashCode()) * 31 + arguments.hashCode()) * 31 +
        children.hashCode()

    override fun toString(): String = "Plan($operatorType, identifiers=$identifiers, children=${children.size})"

    public companion object {
        /**
         * Parses a `plan` map.
         * @throws IllegalArgumentException when `operatorType` is missing or not a string at any level.
         */
        @JvmStatic
        public fun from(plan: Map<String, Value>): Plan = parse(plan, "plan")

        private fun parse(m: Map<String, Value>, path: String): Plan = Plan(
            operatorType = m.requireString("operatorType", path),
            identifiers = m.stringsOf("identifiers"),
            arguments = m.optMap("args") ?: emptyMap(),
            children = m.mapsOf("children").mapIndexed { i, c -> parse(c, "$path.children[$i]") },
        )
    }
}

/**
 * A [Plan] operator with the statistics of an actual run (`PROFILE`, metadata `profile`). Counters the server
 * omits are 0. Immutable and thread-safe.
 *
 * @property dbHits database accesses (`dbHits`).
 * @property records rows produced (`rows`).
 * @property pageCacheHits page cache hits (`pageCacheHits`).
 * @property pageCacheMisses page cache misses (`pageCacheMisses`).
 * @property pageCacheHitRatio hits / (hits + misses) as sent (`pageCacheHitRatio`).
 * @property time the operator's `time` as sent by the server, unconverted (0 when the runtime does not measure it).
 */
public class ProfiledPlan(
    operatorType: String,
    identifiers: List<String>,
    arguments: Map<String, Value>,
    override val children: List<ProfiledPlan>,
    public val dbHits: Long,
    public val records: Long,
    public val pageCacheHits: Long,
    public val pageCacheMisses: Long,
    public val pageCacheHitRatio: Double,
    public val time: Long,
) : Plan(operatorType, identifiers, arguments, children) {
    /** True when the server reported page cache statistics for this operator. */
    public val hasPageCacheStats: Boolean get() = pageCacheHits > 0 || pageCacheMisses > 0 || pageCacheHitRatio > 0.0

    override fun equals(other: Any?): Boolean = other is ProfiledPlan && sameShape(other) && dbHits == other.dbHits &&
        records == other.records && pageCacheHits == other.pageCacheHits && pageCacheMisses == other.pageCacheMisses &&
        pageCacheHitRatio == other.pageCacheHitRatio && time == other.time

    override fun hashCode(): Int = super.hashCode() * 31 + dbHits.hashCode() * 7 + records.hashCode()

    override fun toString(): String =
        "ProfiledPlan($operatorType, dbHits=$dbHits, records=$records, time=$time, children=${children.size})"

    public companion object {
        /**
         * Parses a `profile` map.
         * @throws IllegalArgumentException when `operatorType` is missing or not a string at any level.
         */
        @JvmStatic
        public fun from(profile: Map<String, Value>): ProfiledPlan = parse(profile, "profile")

        private fun parse(m: Map<String, Value>, path: String): ProfiledPlan = ProfiledPlan(
            operatorType = m.requireString("operatorType", path),
            identifiers = m.stringsOf("identifiers"),
            arguments = m.optMap("args") ?: emptyMap(),
            children = m.mapsOf("children").mapIndexed { i, c -> parse(c, "$path.children[$i]") },
            dbHits = m.optLong("dbHits") ?: 0,
            records = m.optLong("rows") ?: 0,
            pageCacheHits = m.optLong("pageCacheHits") ?: 0,
            pageCacheMisses = m.optLong("pageCacheMisses") ?: 0,
            pageCacheHitRatio = m.optDouble("pageCacheHitRatio") ?: 0.0,
            time = m.optLong("time") ?: 0,
        )
    }
}

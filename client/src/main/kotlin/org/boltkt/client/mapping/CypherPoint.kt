package org.boltkt.client.mapping

import kotlinx.serialization.Serializable

/**
 * A ready-made class for `POINT` values in typed results (any class with `srid`, `x`, `y` and optionally `z`
 * properties works the same way): [z] is null for a 2D point. Immutable.
 */
@Serializable
public data class CypherPoint(public val srid: Int, public val x: Double, public val y: Double, public val z: Double? = null)

/**
 * A ready-made class for `DURATION` values that keeps all four parts (which java.time cannot: see
 * [JavaDurationSerializer] and [PeriodSerializer] for the lossless subsets). Immutable.
 */
@Serializable
public data class CypherDuration(public val months: Long, public val days: Long, public val seconds: Long, public val nanoseconds: Int)

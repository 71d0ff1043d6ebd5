package org.boltkt.protocol.value

/** A 2D point (struct `X`) in the coordinate reference system [srid] (e.g. 7203 cartesian, 4326 WGS-84). */
public data class Point2DValue(public val srid: Long, public val x: Double, public val y: Double) : Value

/** A 3D point (struct `Y`) in the coordinate reference system [srid] (e.g. 9157 cartesian-3d, 4979 WGS-84-3d). */
public data class Point3DValue(public val srid: Long, public val x: Double, public val y: Double, public val z: Double) : Value

@file:JvmName("RecordGraphGetters")

package org.boltkt.client.record

import org.boltkt.client.value.asNode
import org.boltkt.client.value.asNodeOrNull
import org.boltkt.client.value.asPath
import org.boltkt.client.value.asPathOrNull
import org.boltkt.client.value.asPoint2D
import org.boltkt.client.value.asPoint2DOrNull
import org.boltkt.client.value.asPoint3D
import org.boltkt.client.value.asPoint3DOrNull
import org.boltkt.client.value.asRelationship
import org.boltkt.client.value.asRelationshipOrNull
import org.boltkt.client.value.asVector
import org.boltkt.client.value.asVectorOrNull
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.PathValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.RelationshipValue
import org.boltkt.protocol.value.VectorValue

// Typed getters of Record by column name and by index; the shared contract is described in RecordColumnReads.kt.

/** Column [key] as NODE. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getNode(key: String): NodeValue = readKey(key, "getNode") { it.asNode() }

/** Column [index] as NODE. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getNode(index: Int): NodeValue = readIndex(index, "getNode") { it.asNode() }

/** Column [key] as NODE, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getNodeOrNull(key: String): NodeValue? = readKey(key, "getNodeOrNull") { it.asNodeOrNull() }

/** Column [index] as NODE, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getNodeOrNull(index: Int): NodeValue? = readIndex(index, "getNodeOrNull") { it.asNodeOrNull() }

/** Column [key] as RELATIONSHIP. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getRelationship(key: String): RelationshipValue = readKey(key, "getRelationship") { it.asRelationship() }

/** Column [index] as RELATIONSHIP. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getRelationship(index: Int): RelationshipValue = readIndex(index, "getRelationship") { it.asRelationship() }

/** Column [key] as RELATIONSHIP, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getRelationshipOrNull(key: String): RelationshipValue? = readKey(key, "getRelationshipOrNull") { it.asRelationshipOrNull() }

/** Column [index] as RELATIONSHIP, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getRelationshipOrNull(index: Int): RelationshipValue? = readIndex(index, "getRelationshipOrNull") { it.asRelationshipOrNull() }

/** Column [key] as PATH. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getPath(key: String): PathValue = readKey(key, "getPath") { it.asPath() }

/** Column [index] as PATH. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getPath(index: Int): PathValue = readIndex(index, "getPath") { it.asPath() }

/** Column [key] as PATH, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getPathOrNull(key: String): PathValue? = readKey(key, "getPathOrNull") { it.asPathOrNull() }

/** Column [index] as PATH, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getPathOrNull(index: Int): PathValue? = readIndex(index, "getPathOrNull") { it.asPathOrNull() }

/** Column [key] as 2D POINT. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getPoint2D(key: String): Point2DValue = readKey(key, "getPoint2D") { it.asPoint2D() }

/** Column [index] as 2D POINT. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getPoint2D(index: Int): Point2DValue = readIndex(index, "getPoint2D") { it.asPoint2D() }

/** Column [key] as 2D POINT, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getPoint2DOrNull(key: String): Point2DValue? = readKey(key, "getPoint2DOrNull") { it.asPoint2DOrNull() }

/** Column [index] as 2D POINT, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getPoint2DOrNull(index: Int): Point2DValue? = readIndex(index, "getPoint2DOrNull") { it.asPoint2DOrNull() }

/** Column [key] as 3D POINT. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getPoint3D(key: String): Point3DValue = readKey(key, "getPoint3D") { it.asPoint3D() }

/** Column [index] as 3D POINT. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getPoint3D(index: Int): Point3DValue = readIndex(index, "getPoint3D") { it.asPoint3D() }

/** Column [key] as 3D POINT, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getPoint3DOrNull(key: String): Point3DValue? = readKey(key, "getPoint3DOrNull") { it.asPoint3DOrNull() }

/** Column [index] as 3D POINT, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getPoint3DOrNull(index: Int): Point3DValue? = readIndex(index, "getPoint3DOrNull") { it.asPoint3DOrNull() }

/** Column [key] as VECTOR. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getVector(key: String): VectorValue = readKey(key, "getVector") { it.asVector() }

/** Column [index] as VECTOR. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getVector(index: Int): VectorValue = readIndex(index, "getVector") { it.asVector() }

/** Column [key] as VECTOR, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getVectorOrNull(key: String): VectorValue? = readKey(key, "getVectorOrNull") { it.asVectorOrNull() }

/** Column [index] as VECTOR, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getVectorOrNull(index: Int): VectorValue? = readIndex(index, "getVectorOrNull") { it.asVectorOrNull() }

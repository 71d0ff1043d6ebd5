package org.boltkt.client.mapping

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.SerialInfo

/**
 * Marks a `String` property that receives the element id of the node or relationship the class is mapped from
 * (before Bolt 5.0, the numeric id in decimal). On a class mapped from a map it is an ordinary property.
 */
@OptIn(ExperimentalSerializationApi::class)
@SerialInfo
@Target(AnnotationTarget.PROPERTY)
@Retention(AnnotationRetention.BINARY)
public annotation class ElementId

/** Marks a `List<String>` or `Set<String>` property that receives the labels of the node the class is mapped from. */
@OptIn(ExperimentalSerializationApi::class)
@SerialInfo
@Target(AnnotationTarget.PROPERTY)
@Retention(AnnotationRetention.BINARY)
public annotation class Labels

/** Marks a `String` property that receives the type of the relationship the class is mapped from. */
@OptIn(ExperimentalSerializationApi::class)
@SerialInfo
@Target(AnnotationTarget.PROPERTY)
@Retention(AnnotationRetention.BINARY)
public annotation class RelationshipType

/**
 * Strict mode for the annotated class: a column (or map key, node or relationship property) the class has no
 * property for raises [org.boltkt.client.error.ResultMappingException] instead of being ignored.
 */
@OptIn(ExperimentalSerializationApi::class)
@SerialInfo
@Target(AnnotationTarget.CLASS)
@Retention(AnnotationRetention.BINARY)
public annotation class StrictMapping

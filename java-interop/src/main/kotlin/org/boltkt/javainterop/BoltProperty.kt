package org.boltkt.javainterop

/**
 * Names the column (when reading) or parameter (when sending) a Java constructor parameter or record component
 * maps to, like kotlinx.serialization's `@SerialName`. On a class compiled without `-parameters`, annotating every
 * parameter of one constructor is how [JavaSerializers] finds the constructor and the names; on a record or with
 * `-parameters` it only renames.
 */
@Target(AnnotationTarget.VALUE_PARAMETER, AnnotationTarget.FIELD)
@Retention(AnnotationRetention.RUNTIME)
@MustBeDocumented
public annotation class BoltProperty(
    /** The column or parameter name. */
    val value: String,
)

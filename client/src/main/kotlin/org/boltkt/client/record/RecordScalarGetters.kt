@file:JvmName("RecordScalarGetters")

package org.boltkt.client.record

import org.boltkt.client.value.asBoolean
import org.boltkt.client.value.asBooleanOrNull
import org.boltkt.client.value.asBytes
import org.boltkt.client.value.asBytesOrNull
import org.boltkt.client.value.asDouble
import org.boltkt.client.value.asDoubleOrNull
import org.boltkt.client.value.asInt
import org.boltkt.client.value.asIntOrNull
import org.boltkt.client.value.asList
import org.boltkt.client.value.asListOrNull
import org.boltkt.client.value.asLong
import org.boltkt.client.value.asLongOrNull
import org.boltkt.client.value.asMap
import org.boltkt.client.value.asMapOrNull
import org.boltkt.client.value.asString
import org.boltkt.client.value.asStringOrNull
import org.boltkt.client.value.asUuid
import org.boltkt.client.value.asUuidOrNull
import org.boltkt.protocol.value.Value
import java.util.UUID

// Typed getters of Record by column name and by index; the shared contract is described in RecordColumnReads.kt.

/** Column [key] as STRING. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getString(key: String): String = readKey(key, "getString") { it.asString() }

/** Column [index] as STRING. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getString(index: Int): String = readIndex(index, "getString") { it.asString() }

/** Column [key] as STRING, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getStringOrNull(key: String): String? = readKey(key, "getStringOrNull") { it.asStringOrNull() }

/** Column [index] as STRING, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getStringOrNull(index: Int): String? = readIndex(index, "getStringOrNull") { it.asStringOrNull() }

/** Column [key] as INTEGER. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getLong(key: String): Long = readKey(key, "getLong") { it.asLong() }

/** Column [index] as INTEGER. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getLong(index: Int): Long = readIndex(index, "getLong") { it.asLong() }

/** Column [key] as INTEGER, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getLongOrNull(key: String): Long? = readKey(key, "getLongOrNull") { it.asLongOrNull() }

/** Column [index] as INTEGER, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getLongOrNull(index: Int): Long? = readIndex(index, "getLongOrNull") { it.asLongOrNull() }

/** Column [key] as INTEGER in Int range. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getInt(key: String): Int = readKey(key, "getInt") { it.asInt() }

/** Column [index] as INTEGER in Int range. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getInt(index: Int): Int = readIndex(index, "getInt") { it.asInt() }

/** Column [key] as INTEGER in Int range, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getIntOrNull(key: String): Int? = readKey(key, "getIntOrNull") { it.asIntOrNull() }

/** Column [index] as INTEGER in Int range, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getIntOrNull(index: Int): Int? = readIndex(index, "getIntOrNull") { it.asIntOrNull() }

/** Column [key] as FLOAT, or an INTEGER exactly representable. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getDouble(key: String): Double = readKey(key, "getDouble") { it.asDouble() }

/** Column [index] as FLOAT, or an INTEGER exactly representable. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getDouble(index: Int): Double = readIndex(index, "getDouble") { it.asDouble() }

/** Column [key] as FLOAT, or an INTEGER exactly representable, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getDoubleOrNull(key: String): Double? = readKey(key, "getDoubleOrNull") { it.asDoubleOrNull() }

/** Column [index] as FLOAT, or an INTEGER exactly representable, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getDoubleOrNull(index: Int): Double? = readIndex(index, "getDoubleOrNull") { it.asDoubleOrNull() }

/** Column [key] as BOOLEAN. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getBoolean(key: String): Boolean = readKey(key, "getBoolean") { it.asBoolean() }

/** Column [index] as BOOLEAN. @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getBoolean(index: Int): Boolean = readIndex(index, "getBoolean") { it.asBoolean() }

/** Column [key] as BOOLEAN, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getBooleanOrNull(key: String): Boolean? = readKey(key, "getBooleanOrNull") { it.asBooleanOrNull() }

/** Column [index] as BOOLEAN, or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getBooleanOrNull(index: Int): Boolean? = readIndex(index, "getBooleanOrNull") { it.asBooleanOrNull() }

/** Column [key] as BYTES (the value's own array, must not be mutated). @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getBytes(key: String): ByteArray = readKey(key, "getBytes") { it.asBytes() }

/** Column [index] as BYTES (the value's own array, must not be mutated). @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getBytes(index: Int): ByteArray = readIndex(index, "getBytes") { it.asBytes() }

/** Column [key] as BYTES (the value's own array, must not be mutated), or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getBytesOrNull(key: String): ByteArray? = readKey(key, "getBytesOrNull") { it.asBytesOrNull() }

/** Column [index] as BYTES (the value's own array, must not be mutated), or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getBytesOrNull(index: Int): ByteArray? = readIndex(index, "getBytesOrNull") { it.asBytesOrNull() }

/** Column [key] as LIST (elements unconverted). @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getList(key: String): List<Value> = readKey(key, "getList") { it.asList() }

/** Column [index] as LIST (elements unconverted). @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getList(index: Int): List<Value> = readIndex(index, "getList") { it.asList() }

/** Column [key] as LIST (elements unconverted), or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getListOrNull(key: String): List<Value>? = readKey(key, "getListOrNull") { it.asListOrNull() }

/** Column [index] as LIST (elements unconverted), or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getListOrNull(index: Int): List<Value>? = readIndex(index, "getListOrNull") { it.asListOrNull() }

/** Column [key] as MAP (entries unconverted). @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getMap(key: String): Map<String, Value> = readKey(key, "getMap") { it.asMap() }

/** Column [index] as MAP (entries unconverted). @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getMap(index: Int): Map<String, Value> = readIndex(index, "getMap") { it.asMap() }

/** Column [key] as MAP (entries unconverted), or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getMapOrNull(key: String): Map<String, Value>? = readKey(key, "getMapOrNull") { it.asMapOrNull() }

/** Column [index] as MAP (entries unconverted), or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getMapOrNull(index: Int): Map<String, Value>? = readIndex(index, "getMapOrNull") { it.asMapOrNull() }

/** Column [key] as UUID (Bolt 6.1+). @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getUuid(key: String): UUID = readKey(key, "getUuid") { it.asUuid() }

/** Column [index] as UUID (Bolt 6.1+). @throws org.boltkt.client.value.UncoercibleValueException when null or of another type. */
public fun Record.getUuid(index: Int): UUID = readIndex(index, "getUuid") { it.asUuid() }

/** Column [key] as UUID (Bolt 6.1+), or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getUuidOrNull(key: String): UUID? = readKey(key, "getUuidOrNull") { it.asUuidOrNull() }

/** Column [index] as UUID (Bolt 6.1+), or null when the column is null. @throws org.boltkt.client.value.UncoercibleValueException for another type. */
public fun Record.getUuidOrNull(index: Int): UUID? = readIndex(index, "getUuidOrNull") { it.asUuidOrNull() }

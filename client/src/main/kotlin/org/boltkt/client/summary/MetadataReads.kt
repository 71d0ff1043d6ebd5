package org.boltkt.client.summary

import org.boltkt.client.value.typeName
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value

// Lenient reads of SUCCESS metadata. Optional fields of an unexpected type read as absent (servers differ, and
// Memgraph omits or reshapes many fields); only fields that define an object (say a plan's operatorType) are
// required, and then a missing or mistyped field throws IllegalArgumentException naming its path.

internal fun Map<String, Value>.optString(key: String): String? = (this[key] as? StringValue)?.value

internal fun Map<String, Value>.optBoolean(key: String): Boolean? = (this[key] as? BooleanValue)?.value

internal fun Map<String, Value>.optLong(key: String): Long? = when (val v = this[key]) {
    is IntegerValue -> v.value
    is FloatValue -> if (v.value.isFinite()) v.value.toLong() else null
    else -> null
}

internal fun Map<String, Value>.optDouble(key: String): Double? = when (val v = this[key]) {
    is FloatValue -> v.value
    is IntegerValue -> v.value.toDouble()
    else -> null
}

internal fun Map<String, Value>.optMap(key: String): Map<String, Value>? = (this[key] as? MapValue)?.entries

internal fun Map<String, Value>.optList(key: String): List<Value>? = (this[key] as? ListValue)?.values

/** The maps of list [key], skipping elements that are not maps; empty when absent. */
internal fun Map<String, Value>.mapsOf(key: String): List<Map<String, Value>> =
    optList(key)?.mapNotNull { (it as? MapValue)?.entries } ?: emptyList()

/** The strings of list [key], skipping other elements; empty when absent. */
internal fun Map<String, Value>.stringsOf(key: String): List<String> =
    optList(key)?.mapNotNull { (it as? StringValue)?.value } ?: emptyList()

internal fun Map<String, Value>.requireString(key: String, path: String): String {
    val v = this[key] ?: throw IllegalArgumentException("malformed summary metadata: $path.$key is missing")
    return (v as? StringValue)?.value
        ?: throw IllegalArgumentException("malformed summary metadata: $path.$key must be a STRING, got ${v.typeName()}")
}

package org.boltkt.testkit

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.longOrNull

/** A request field that is missing or has the wrong type; answered with a BackendError naming the field. */
class BadRequestException(message: String) : RuntimeException(message)

/** Plain Kotlin values (null, String, Number, Boolean, List, Map, JsonElement) as JSON. */
fun json(value: Any?): JsonElement = when (value) {
    null -> JsonNull
    is JsonElement -> value
    is String -> JsonPrimitive(value)
    is Number -> JsonPrimitive(value)
    is Boolean -> JsonPrimitive(value)
    is List<*> -> JsonArray(value.map(::json))
    is Set<*> -> JsonArray(value.map(::json))
    is Map<*, *> -> JsonObject(value.entries.associate { (k, v) -> k.toString() to json(v) })
    else -> throw IllegalArgumentException("no JSON form for ${value::class.qualifiedName}")
}

fun JsonObject.isNull(key: String): Boolean = this[key] == null || this[key] is JsonNull

fun JsonObject.strOrNull(key: String): String? = (this[key] as? JsonPrimitive)?.takeIf { it.isString }?.content

fun JsonObject.str(key: String): String = strOrNull(key) ?: throw BadRequestException("field '$key' must be a string")

fun JsonObject.longOrNull(key: String): Long? = (this[key] as? JsonPrimitive)?.takeIf { !it.isString }?.let {
    it.longOrNull ?: it.doubleOrNull?.toLong()
}

fun JsonObject.long(key: String): Long = longOrNull(key) ?: throw BadRequestException("field '$key' must be a number")

fun JsonObject.boolOrNull(key: String): Boolean? = (this[key] as? JsonPrimitive)?.takeIf { !it.isString }?.booleanOrNull

fun JsonObject.objOrNull(key: String): JsonObject? = this[key] as? JsonObject

fun JsonObject.arrOrNull(key: String): JsonArray? = this[key] as? JsonArray

fun JsonObject.strings(key: String): List<String>? = arrOrNull(key)?.map {
    (it as? JsonPrimitive)?.takeIf { p -> p.isString }?.content ?: throw BadRequestException("field '$key' must hold strings")
}

/** Object ids travel as strings or numbers depending on the frontend code path. */
fun JsonObject.id(key: String): String = when (val e = this[key]) {
    is JsonPrimitive -> e.content
    else -> throw BadRequestException("field '$key' must be an id")
}

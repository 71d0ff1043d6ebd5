package org.boltkt.testkit

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import java.io.BufferedReader
import java.io.Writer

/** One request from testkit: its protocol class name and its `data` object. */
data class Request(val name: String, val data: JsonObject)

/** A malformed frame or JSON document; the connection answers it with a BackendError. */
class FramingException(message: String) : RuntimeException(message)

/**
 * Reads testkit's framing: lines `#request begin`, the JSON document (possibly over several lines), `#request end`.
 * Lines outside a frame are ignored (testkit itself tolerates chatter). Not thread-safe: one reader thread.
 */
class RequestReader(private val input: BufferedReader) {
    /** The next request, or null at end of stream. */
    fun next(): Request? {
        var inRequest = false
        val body = StringBuilder()
        while (true) {
            val line = input.readLine() ?: return null
            when (line.trim()) {
                BEGIN -> {
                    if (inRequest) throw FramingException("'$BEGIN' inside a request")
                    inRequest = true
                    body.setLength(0)
                }
                END -> {
                    if (!inRequest) throw FramingException("'$END' without '$BEGIN'")
                    return parse(body.toString())
                }
                else -> if (inRequest) body.append(line).append('\n')
            }
        }
    }

    companion object {
        const val BEGIN = "#request begin"
        const val END = "#request end"

        fun parse(text: String): Request {
            val element = try {
                JSON.parseToJsonElement(text)
            } catch (e: Exception) {
                throw FramingException("request is not JSON: ${e.message}")
            }
            val obj = element as? JsonObject ?: throw FramingException("request is not a JSON object")
            val name = (obj["name"] as? kotlinx.serialization.json.JsonPrimitive)?.takeIf { it.isString }?.content
                ?: throw FramingException("request has no string 'name'")
            val data = when (val d = obj["data"]) {
                null, kotlinx.serialization.json.JsonNull -> JsonObject(emptyMap())
                is JsonObject -> d
                else -> throw FramingException("request '$name' has a 'data' that is not an object")
            }
            return Request(name, data)
        }
    }
}

/**
 * Writes responses framed as `#response begin` / one line of JSON / `#response end`. Thread-safe: callbacks may
 * answer from driver threads while a handler answers on the backend's thread, and frames never interleave.
 */
class ResponseWriter(private val output: Writer) {
    private val lock = Any()

    fun send(name: String, data: JsonObject = JsonObject(emptyMap())) {
        val text = JSON.encodeToString(JsonElement.serializer(), JsonObject(mapOf("name" to kotlinx.serialization.json.JsonPrimitive(name), "data" to data)))
        synchronized(lock) {
            output.write("$BEGIN\n$text\n$END\n")
            output.flush()
        }
    }

    companion object {
        const val BEGIN = "#response begin"
        const val END = "#response end"
    }
}

/** JSON settings shared by the backend: strict parsing, NaN is never produced (floats travel as strings then). */
val JSON: Json = Json { prettyPrint = false }

/** `data` of a response, built from Kotlin values with [json]. */
fun obj(vararg pairs: Pair<String, Any?>): JsonObject = JsonObject(pairs.associate { (k, v) -> k to json(v) })

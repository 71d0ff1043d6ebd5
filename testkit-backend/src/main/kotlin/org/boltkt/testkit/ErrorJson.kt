package org.boltkt.testkit

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.GqlCauseException
import org.boltkt.protocol.value.StringValue

/** Raised when the frontend's own transaction function failed (RetryableNegative without an error id). */
class FrontendFailure(message: String) : RuntimeException(message)

/** Driver exceptions as testkit's `DriverError` / `GqlError` data. Pure functions. */
object ErrorJson {
    private val KNOWN_CLASSIFICATIONS = setOf("CLIENT_ERROR", "TRANSIENT_ERROR", "DATABASE_ERROR")

    /**
     * `DriverError` data for [error], registered under [id] so RetryableNegative can hand it back; the type is named
     * as the Java driver names it ([JavaErrorTypes]).
     */
    fun driverError(id: String, error: Throwable): JsonObject {
        val fields = linkedMapOf<String, Any?>(
            "id" to id,
            "errorType" to JavaErrorTypes.of(error),
            "msg" to (error.message ?: error.javaClass.simpleName),
        )
        if (error is BoltException) {
            error.code?.let { fields["code"] = it }
            fields["retryable"] = error.isRetryable
            fields.putAll(gqlFields(error))
            (error.cause as? GqlCauseException)?.let { fields["cause"] = gqlError(it) }
        }
        return obj(*fields.toList().toTypedArray())
    }

    private fun gqlFields(error: BoltException): Map<String, Any?> {
        if (error.gqlStatus == null) return emptyMap()
        val raw = (error.diagnosticRecord?.get("_classification") as? StringValue)?.value
        return mapOf(
            "gqlStatus" to error.gqlStatus,
            "statusDescription" to error.gqlStatusDescription,
            "diagnosticRecord" to JsonObject((error.diagnosticRecord ?: emptyMap()).mapValues { CypherJson.fromValue(it.value) }),
            "classification" to (raw?.takeIf { it in KNOWN_CLASSIFICATIONS } ?: "UNKNOWN"),
            "rawClassification" to raw,
        )
    }

    private fun gqlError(cause: GqlCauseException): JsonObject {
        val fields = linkedMapOf<String, Any?>("msg" to (cause.message ?: ""))
        fields.putAll(gqlFields(cause))
        (cause.cause as? GqlCauseException)?.let { fields["cause"] = gqlError(it) }
        return JsonObject(mapOf("name" to JsonPrimitive("GqlError"), "data" to obj(*fields.toList().toTypedArray())))
    }
}

package org.boltkt.testkit

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import org.boltkt.client.Result
import org.boltkt.client.record.Record

/** Result requests. */
object ResultHandlers {
    private fun result(b: Backend, d: JsonObject): Result {
        val id = d.id("resultId")
        return b.results[id] ?: throw BadRequestException("no result $id")
    }

    /** A record's `data` (`{"values": [...]}`) for Record, RecordList and EagerResult. */
    fun recordData(record: Record): JsonObject = obj("values" to JsonArray(record.values.map(CypherJson::fromValue)))

    private fun sendRecord(b: Backend, record: Record?) {
        if (record == null) b.send("NullRecord") else b.send("Record", recordData(record))
    }

    suspend fun next(b: Backend, d: JsonObject) = sendRecord(b, result(b, d).next())

    suspend fun peek(b: Backend, d: JsonObject) = sendRecord(b, result(b, d).peek())

    suspend fun single(b: Backend, d: JsonObject) = sendRecord(b, result(b, d).single())

    suspend fun list(b: Backend, d: JsonObject) {
        b.send("RecordList", obj("records" to result(b, d).list().map(::recordData)))
    }

    suspend fun consume(b: Backend, d: JsonObject) {
        b.send("Summary", SummaryJson.summary(result(b, d).consume()))
    }
}

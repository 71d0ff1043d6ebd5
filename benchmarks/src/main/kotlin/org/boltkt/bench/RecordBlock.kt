package org.boltkt.bench

import org.boltkt.bench.jmh.BenchRows
import org.boltkt.protocol.chunk.ChunkWriter
import java.nio.ByteBuffer

/**
 * A block of framed RECORD messages the replay server streams cyclically, with the column names of its query.
 * [offsets] has `count + 1` entries: record `k` is `bytes[offsets[k] until offsets[k + 1]]`.
 */
class RecordBlock(val fields: List<String>, messages: List<ByteArray>, val source: String) {
    val count: Int = messages.size
    val offsets = IntArray(count + 1)
    val bytes: ByteBuffer

    init {
        require(count > 0) { "empty record block" }
        val framed = messages.map { ChunkWriter.DEFAULT.frame(it) }
        var at = 0
        framed.forEachIndexed { k, f -> offsets[k] = at; at += f.size }
        offsets[count] = at
        bytes = ByteBuffer.allocateDirect(at)
        framed.forEach { bytes.put(it) }
        bytes.flip()
    }

    /** Average framed bytes per record. */
    val bytesPerRecord: Double get() = offsets[count].toDouble() / count

    companion object {
        /** Rows shaped like the real stream query's (see [BenchRows]); used when no real server is at hand. */
        fun generated(count: Int = 1000): RecordBlock =
            RecordBlock(BenchRows.FIELDS, (0 until count).map { BenchRows.record(it.toLong()) }, "generated")
    }
}

package org.boltkt.bench

import kotlinx.serialization.Serializable
import org.boltkt.client.mapping.LocalDateSerializer
import org.boltkt.client.record.Record
import org.boltkt.client.record.getDouble
import org.boltkt.client.record.getList
import org.boltkt.client.record.getLocalDate
import org.boltkt.client.record.getLong
import org.boltkt.client.record.getMap
import org.boltkt.client.record.getNode
import org.boltkt.client.record.getString
import org.boltkt.client.value.asLong
import org.boltkt.client.value.asString
import java.time.LocalDate

// P7's target types: one class per P3 row, used by every driver. `@JvmRecord` makes them java.lang.Record classes,
// so the official driver's `Record.as(Class)` maps them as it maps a Java record (canonical constructor, component
// names), while boltkt maps the same classes through their kotlinx.serialization serializers.

/** The `map` column of a P3 row. */
@JvmRecord
@Serializable
data class RowMap(val k: Long, val s: String)

/** The `node` column of a P3 row: its properties. */
@JvmRecord
@Serializable
data class NodeProps(val id: Long, val name: String)

/** One P3 row. */
@JvmRecord
@Serializable
data class StreamRow(
    val i: Long,
    val name: String,
    val score: Double,
    val list: List<Long>,
    val map: RowMap,
    val node: NodeProps,
    @Serializable(with = LocalDateSerializer::class) val day: LocalDate,
)

/** P8's object per written row (P4 writes the same fields as maps). */
@JvmRecord
@Serializable
data class WriteRow(val id: Int, val name: String, val score: Double)

/** P8's batches: P4's rows as objects. */
fun writeObjectBatches(sizes: Sizes): List<List<WriteRow>> =
    List(sizes.p4Batches) { b -> List(sizes.p4BatchSize) { k -> WriteRow(b * sizes.p4BatchSize + k, "person-$k", k * 0.25) } }

/** The hand mapping a user writes today from a boltkt [Record] (the P7 "Record path"). */
fun handMapped(r: Record): StreamRow {
    val map = r.getMap(4)
    val node = r.getNode(5).properties
    return StreamRow(
        i = r.getLong(0),
        name = r.getString(1),
        score = r.getDouble(2),
        list = r.getList(3).map { it.asLong() },
        map = RowMap(map.getValue("k").asLong(), map.getValue("s").asString()),
        node = NodeProps(node.getValue("id").asLong(), node.getValue("name").asString()),
        day = r.getLocalDate(6),
    )
}

/** Touches a mapped row so no mapping work can be skipped. */
fun checksum(row: StreamRow): Long = row.i + row.name.length + row.list.size + row.map.k + row.node.id + row.day.dayOfMonth

/** The typed workloads (issue 19): P7 object mapping of the P3 rows, P8 the P4 write with objects as parameters. */
val TYPED_WORKLOADS = listOf("P7", "P8")

/**
 * The drivers of a typed workload's cells, from `--drivers`: boltkt over NIO (typed) and the official driver; P7
 * adds `nio-record` (boltkt's `Record` + hand mapping) right after `nio`. KTOR has no cell (the transport does not
 * change the mapping).
 */
fun typedDrivers(workload: String, drivers: List<String>): List<String> =
    drivers.filter { it == "nio" || it == "official" }.flatMap { if (it == "nio" && workload == "P7") listOf("nio", "nio-record") else listOf(it) }

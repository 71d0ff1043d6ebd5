@file:UseSerializers(LocalDateSerializer::class)

package org.boltkt.client.mapping

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.property.Arb
import io.kotest.property.RandomSource
import io.kotest.property.arbitrary.arbitrary
import io.kotest.property.checkAll
import kotlinx.serialization.DeserializationStrategy
import kotlinx.serialization.Serializable
import kotlinx.serialization.UseSerializers
import kotlinx.serialization.serializer
import org.boltkt.client.error.ResultMappingException
import org.boltkt.client.record.Record
import org.boltkt.client.record.RecordKeys
import org.boltkt.protocol.message.Response
import org.boltkt.protocol.message.ResponseDecoder
import org.boltkt.protocol.value.BooleanValue
import org.boltkt.protocol.value.BytesValue
import org.boltkt.protocol.value.DateValue
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.FloatValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.NullValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.Point3DValue
import org.boltkt.protocol.value.RelationshipValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.Value
import org.boltkt.protocol.value.VectorValue
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities
import org.boltkt.testing.scripted.ResponseEncoder
import java.time.LocalDate
import kotlin.random.Random

@Serializable
data class Target(
    val id: Long,
    val name: String,
    val score: Double = 0.0,
    val small: Int? = null,
    val flag: Boolean = false,
    val genre: Genre? = null,
    val tags: List<String> = emptyList(),
    val props: Map<String, Long> = emptyMap(),
    val nested: Movie? = null,
    val people: List<Person> = emptyList(),
    val plain: List<Movie> = emptyList(),
    val day: LocalDate? = null,
    val data: ByteArray? = null,
    val point: CypherPoint? = null,
    val vec: DoubleArray? = null,
    val length: kotlin.time.Duration? = null,
    val title: Title? = null,
    val knows: Knows? = null,
    val letter: Char? = null,
) {
    /** Arrays compared by content. */
    fun canonical(): List<Any?> = listOf(
        id, name, score, small, flag, genre, tags, props, nested, people, plain, day, data?.toList(), point, vec?.toList(),
        length, title, knows, letter,
    )
}

/**
 * The typed path from the bytes and `Record.decode` (the reference) agree on random rows: the same object, or the
 * same error (column, Cypher type, property, declared type) — for every value format (Bolt 4.4, 5, 6).
 */
class BytesAgreementSpec : FunSpec({
    val formats = listOf(BoltVersion(4, 4), BoltVersion(5, 8), BoltVersion(6, 0)).map { Capabilities.of(it) }

    fun <T> agree(keys: List<String>, values: List<Value>, deserializer: DeserializationStrategy<T>, canonical: (T) -> Any?) {
        for (caps in formats) {
            // A vector exists only from Bolt 6: such rows are checked in the formats that can carry them.
            val bytes = try {
                ResponseEncoder.encode(Response.Record(values), caps)
            } catch (e: IllegalArgumentException) {
                if (caps.valueFormat.vectors) throw e
                continue
            }
            val fields = (ResponseDecoder.decode(bytes, caps) as Response.Record).fields
            val reference = runCatching { RowDecoder(deserializer, keys).decode(Record(RecordKeys.of(keys), fields)) }
            val decoded = ResponseDecoder.decode(bytes, caps, recordDecoder = RowBytesDecoder(RowDecoder(deserializer, keys)))
            val row = (decoded as Response.DecodedRecord).row
            val typed: Result<Any?> = when (row) {
                NullRow -> Result.success(null)
                is MappingFailure -> Result.failure(row.error)
                else -> Result.success(row)
            }
            @Suppress("UNCHECKED_CAST")
            if (reference.isSuccess) {
                typed.isSuccess shouldBe true
                val got = canonical(typed.getOrThrow() as T)
                val want = canonical(reference.getOrThrow())
                // Kotlin's equals on boxed doubles holds NaN equal to NaN (kotest's shouldBe on numbers does not): it
                // decides, shouldBe only reports the difference.
                if (got != want) got shouldBe want
            } else {
                val expected = reference.exceptionOrNull() as ResultMappingException
                val actual = typed.exceptionOrNull() as? ResultMappingException ?: error("bytes path gave $typed, values path $expected")
                listOf(actual.column, actual.receivedType, actual.property, actual.declaredType) shouldBe
                    listOf(expected.column, expected.receivedType, expected.property, expected.declaredType)
            }
        }
    }

    test("random rows into a class of every kind of property") {
        checkAll(1500, RowArb.rows) { (keys, values) -> agree(keys, values, serializer<Target>(), Target::canonical) }
    }

    test("random single values into scalar, nullable, collection and class types") {
        checkAll(1500, RowArb.anyValue) { v ->
            val keys = listOf("v")
            agree(keys, listOf(v), serializer<Long?>()) { it }
            agree(keys, listOf(v), serializer<String>()) { it }
            agree(keys, listOf(v), serializer<List<Double>>()) { it }
            agree(keys, listOf(v), serializer<Map<String, String?>>()) { it }
            agree(keys, listOf(v), serializer<Movie>()) { it }
            agree(keys, listOf(v), serializer<Person?>()) { it }
        }
    }
})

/** Random rows for [Target]: mostly fitting values, some of another type, some missing, some extra columns, any order. */
private object RowArb {
    private fun str(r: Random) = listOf("a", "Ann", "ü", "", "sci-fi", "DRAMA", "x".repeat(r.nextInt(0, 40))).random(r)

    fun scalar(r: Random): Value = when (r.nextInt(12)) {
        0 -> NullValue
        1 -> BooleanValue.of(r.nextBoolean())
        2 -> IntegerValue.of(listOf(0L, 1L, -1L, 127L, 70_000L, 5_000_000_000L, Long.MIN_VALUE, 9_007_199_254_740_993L).random(r))
        3 -> FloatValue(listOf(0.0, -1.5, 1e300, Double.NaN).random(r))
        4 -> StringValue(str(r))
        5 -> BytesValue(ByteArray(r.nextInt(0, 4)) { it.toByte() })
        6 -> DateValue(LocalDate.ofEpochDay(r.nextLong(-1000, 30000)))
        7 -> DurationValue(r.nextLong(0, 2), r.nextLong(0, 3), r.nextLong(0, 100), r.nextLong(0, 1000))
        8 -> Point2DValue(7203, 1.0, 2.0)
        9 -> Point3DValue(9157, 1.0, 2.0, 3.0)
        10 -> VectorValue.ofDoubles(doubleArrayOf(0.5, 1.5))
        else -> StringValue("6f1c6a1e-8c7d-4a8e-9d0b-0a0b0c0d0e0f")
    }

    fun any(r: Random, depth: Int = 0): Value = when (if (depth > 2) 0 else r.nextInt(6)) {
        0, 1, 2 -> scalar(r)
        3 -> ListValue(List(r.nextInt(0, 4)) { any(r, depth + 1) })
        4 -> MapValue(List(r.nextInt(0, 4)) { listOf("title", "released", "name", "k", "since").random(r) to any(r, depth + 1) }.toMap())
        else -> node(r)
    }

    fun node(r: Random): Value = NodeValue(
        r.nextLong(0, 100), "4:db:${r.nextInt(100)}", listOf("Person", "Actor").take(r.nextInt(0, 3)),
        mapOf("name" to (if (r.nextInt(5) == 0) any(r, 3) else StringValue(str(r))), "born" to (if (r.nextBoolean()) IntegerValue.of(1970) else NullValue)),
    )

    private fun movie(r: Random): Value = MapValue(mapOf("title" to StringValue(str(r)), "released" to IntegerValue.of(1999)))

    private fun fitting(name: String, r: Random): Value = when (name) {
        "id" -> IntegerValue.of(r.nextLong())
        "name" -> StringValue(str(r))
        "score" -> if (r.nextBoolean()) FloatValue(r.nextDouble()) else IntegerValue.of(r.nextLong(-1000, 1000))
        "small" -> if (r.nextBoolean()) IntegerValue.of(r.nextLong(-5, 5)) else NullValue
        "flag" -> BooleanValue.of(r.nextBoolean())
        "genre" -> StringValue(listOf("DRAMA", "sci-fi", "SCIFI").random(r))
        "tags" -> ListValue(List(r.nextInt(0, 3)) { StringValue(str(r)) })
        "props" -> MapValue(mapOf("a" to IntegerValue.of(1), "b" to IntegerValue.of(r.nextLong())))
        "nested" -> if (r.nextBoolean()) movie(r) else NullValue
        "people" -> ListValue(List(r.nextInt(0, 3)) { node(r) })
        "plain" -> ListValue(List(r.nextInt(0, 3)) { if (r.nextBoolean()) movie(r) else NodeValue(1, "1", emptyList(), (movie(r) as MapValue).entries) })
        "day" -> DateValue(LocalDate.ofEpochDay(r.nextLong(0, 20000)))
        "data" -> BytesValue(byteArrayOf(1, 2, 3))
        "point" -> if (r.nextBoolean()) Point2DValue(4326, 1.0, 2.0) else Point3DValue(4979, 1.0, 2.0, 3.0)
        "vec" -> if (r.nextBoolean()) VectorValue.ofDoubles(doubleArrayOf(1.0, 2.5)) else ListValue(listOf(FloatValue(1.0), IntegerValue.of(2)))
        "length" -> DurationValue(0, r.nextLong(0, 3), r.nextLong(0, 100), 5)
        "title" -> StringValue(str(r))
        "knows" -> RelationshipValue(1, "5:r:1", 2, "2", 3, "3", "KNOWS", mapOf("since" to IntegerValue.of(2001)))
        else -> StringValue(if (r.nextBoolean()) "x" else "xy")
    }

    private val names = listOf(
        "id", "name", "score", "small", "flag", "genre", "tags", "props", "nested", "people", "plain", "day", "data",
        "point", "vec", "length", "title", "knows", "letter",
    )

    val rows: Arb<Pair<List<String>, List<Value>>> = arbitrary { rs: RandomSource ->
        val r = rs.random
        val columns = names.filter { r.nextInt(10) != 0 }.toMutableList()
        if (r.nextInt(4) == 0) columns += "unknown${r.nextInt(3)}"
        columns.shuffle(r)
        columns to columns.map { c -> if (r.nextInt(12) == 0) any(r) else fitting(c, r) }
    }

    val anyValue: Arb<Value> = arbitrary { rs: RandomSource -> any(rs.random) }
}

package org.boltkt.client.mapping

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.boltkt.client.error.ResultMappingException
import org.boltkt.client.record.Record
import org.boltkt.client.record.RecordKeys
import org.boltkt.protocol.value.DurationValue
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.NodeValue
import org.boltkt.protocol.value.PathValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.UnboundRelationshipValue
import org.boltkt.protocol.value.VectorValue
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZonedDateTime
import java.util.UUID
import kotlin.time.Duration.Companion.hours

class RecordDecodeSpec : FunSpec({
    test("a row maps by column name; unknown columns are ignored; defaults and nulls are honoured") {
        row("title" to "Matrix", "released" to 1999L, "other" to 1).decode<Movie>() shouldBe Movie("Matrix", 1999)
        row("released" to 1999L, "title" to "Matrix", "tagline" to null).decode<Movie>() shouldBe Movie("Matrix", 1999, null)
    }

    test("every supported kind of property") {
        val r = row(
            "name" to "M", "year" to null, "rating" to 5L, "genre" to "sci-fi", "tags" to listOf("a", "b", "a"),
            "scores" to listOf(1, 2), "extra" to mapOf("x" to 1L), "day" to LocalDate.of(2024, 1, 2),
            "at" to ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Berlin")),
            "length" to DurationValue(0, 1, 30, 5), "period" to DurationValue(14, 3, 0, 0),
            "kotlinLength" to DurationValue(0, 0, 7200, 0), "id" to "6f1c6a1e-8c7d-4a8e-9d0b-0a0b0c0d0e0f",
            "bytes" to byteArrayOf(1, 2), "location" to Point2DValue(7203, 1.0, 2.0),
            "embedding" to VectorValue.ofDoubles(doubleArrayOf(0.5, 1.5)),
        )
        val rich = r.decode<Rich>()
        rich.title shouldBe Title("M")
        rich.year shouldBe 1999
        rich.rating shouldBe 5.0
        rich.genre shouldBe Genre.SCIFI
        rich.tags shouldBe setOf("a", "b")
        rich.scores shouldBe listOf(1, 2)
        rich.extra shouldBe mapOf("x" to 1L)
        rich.day shouldBe LocalDate.of(2024, 1, 2)
        rich.at!!.zone shouldBe ZoneId.of("Europe/Berlin")
        rich.length shouldBe java.time.Duration.ofDays(1).plusSeconds(30).plusNanos(5)
        rich.period shouldBe java.time.Period.of(0, 14, 3)
        rich.kotlinLength shouldBe 2.hours
        rich.id shouldBe UUID.fromString("6f1c6a1e-8c7d-4a8e-9d0b-0a0b0c0d0e0f")
        rich.bytes!!.toList() shouldBe listOf<Byte>(1, 2)
        rich.location shouldBe CypherPoint(7203, 1.0, 2.0)
        rich.embedding!!.toList() shouldBe listOf(0.5, 1.5)
        rich.note shouldBe null
    }

    test("one column holding a node maps the node directly, with element id and labels") {
        val node = NodeValue(1, "4:x:1", listOf("Person"), mapOf("name" to StringValue("Ann"), "born" to IntegerValue.of(1970)))
        Record(RecordKeys.of(listOf("p")), listOf(node)).decode<Person>() shouldBe Person("4:x:1", listOf("Person"), "Ann", 1970)
    }

    test("one column of a scalar maps into a scalar type") {
        row("n" to 3L).decode<Long>() shouldBe 3L
        row("n" to null).decode<String?>() shouldBe null
    }

    test("a path maps to nodes and relationships in walk order") {
        val a = NodeValue(1, "a", listOf("Person"), mapOf("name" to StringValue("A")))
        val b = NodeValue(2, "b", listOf("Person"), mapOf("name" to StringValue("B")))
        val k = UnboundRelationshipValue(9, "k", "KNOWS", mapOf("since" to IntegerValue.of(2000)))
        val path = PathValue(listOf(a, b), listOf(k), listOf(1, 1))
        val p = Record(RecordKeys.of(listOf("p")), listOf(path)).decode<PathOf>()
        p.nodes.map { it.name } shouldBe listOf("A", "B")
        p.relationships shouldBe listOf(Knows("KNOWS", "k", 2000))
    }

    test("a value of the wrong type names column, Cypher type, property, declared type and the fix") {
        val e = shouldThrow<ResultMappingException> { row("title" to "M", "released" to "1999").decode<Movie>() }
        e.column shouldBe "released"
        e.receivedType shouldBe "STRING"
        e.property shouldBe "released"
        e.declaredType shouldBe "kotlin.Long"
        e.isRetryable shouldBe false
        e.message!! shouldContain "declare the property"
    }

    test("null into a non-null property without default, and a missing column") {
        val n = shouldThrow<ResultMappingException> { row("title" to null, "released" to 1L).decode<Movie>() }
        n.receivedType shouldBe "NULL"
        n.property shouldBe "title"
        val m = shouldThrow<ResultMappingException> { row("title" to "M").decode<Movie>() }
        m.receivedType shouldBe "MISSING"
        m.column shouldBe "released"
        m.property shouldBe "released"
    }

    test("nested errors name the path") {
        val e = shouldThrow<ResultMappingException> { row("name" to "M", "scores" to listOf(1, "x"), "note" to null).decode<Rich>() }
        e.property shouldBe "scores[1]"
        e.declaredType shouldBe "kotlin.Int"
        e.receivedType shouldBe "STRING"
    }

    test("strict mode refuses unknown columns") {
        row("title" to "M").decode<StrictMovie>() shouldBe StrictMovie("M")
        val e = shouldThrow<ResultMappingException> { row("title" to "M", "x" to 1).decode<StrictMovie>() }
        e.column shouldBe "x"
    }

    test("an integer too large for an Int is refused with the range") {
        val e = shouldThrow<ResultMappingException> { row("n" to 5_000_000_000L).decode<Int>() }
        e.message!! shouldContain "out of range"
    }

    test("a list of maps into a list of classes") {
        val r = Record(
            RecordKeys.of(listOf("movies")),
            listOf(ListValue(listOf(org.boltkt.client.value.Values.of(mapOf("title" to "A", "released" to 1L))))),
        )
        r.decode<List<Movie>>() shouldBe listOf(Movie("A", 1))
    }
})

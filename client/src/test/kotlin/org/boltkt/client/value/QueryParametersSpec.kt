package org.boltkt.client.value

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.property.Arb
import io.kotest.property.arbitrary.byte
import io.kotest.property.arbitrary.byteArray
import io.kotest.property.arbitrary.int
import io.kotest.property.arbitrary.list
import io.kotest.property.arbitrary.localDate
import io.kotest.property.arbitrary.localDateTime
import io.kotest.property.arbitrary.long
import io.kotest.property.arbitrary.orNull
import io.kotest.property.arbitrary.string
import io.kotest.property.checkAll
import kotlinx.serialization.Contextual
import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.builtins.ListSerializer
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.buildClassSerialDescriptor
import kotlinx.serialization.descriptors.element
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.encoding.encodeStructure
import org.boltkt.protocol.packstream.PackStreamWriter
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.ListValue
import org.boltkt.protocol.value.MapValue
import org.boltkt.protocol.value.Point2DValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.UuidValue
import org.boltkt.protocol.value.ValueEncoder
import org.boltkt.protocol.value.ValueFormat
import org.boltkt.protocol.value.VectorValue
import java.time.Duration
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.Period
import java.time.ZoneOffset
import java.time.ZonedDateTime
import java.util.UUID
import kotlin.uuid.Uuid
import kotlin.uuid.toKotlinUuid

@Serializable
enum class Genre { DRAMA, @SerialName("sci-fi") SCIFI }

@JvmInline
@Serializable
value class Title(val text: String)

@Serializable
data class Person(val name: String, val born: Int? = null)

@Serializable
data class Movie(
    val title: Title,
    @SerialName("year") val released: Long,
    val rating: Double = 7.5,
    val genre: Genre,
    val tags: List<String>,
    val scores: Set<Int>,
    val extra: Map<String, String?>,
    val director: Person?,
    val cast: List<Person>,
    val poster: ByteArray,
    @Contextual val premiere: LocalDate,
    @Contextual val shot: LocalDateTime,
    @Contextual val at: Instant,
    @Contextual val length: Duration,
    @Contextual val window: Period,
    @Contextual val location: Point2DValue?,
    val flag: Boolean,
    val initial: Char,
)

@Serializable
data class WithVector(val name: String, @Contextual val embedding: VectorValue)

@Serializable
data class Batch(val batch: List<Person>)

@Serializable
data class Tagged(@Contextual val id: UUID, val kid: Uuid, val others: List<@Contextual UUID>, @Contextual val none: UUID? = null)

/** The PackStream bytes of [QueryParameters] equal those of the same parameters sent as a map of values. */
class QueryParametersSpec : FunSpec({
    fun bytes(p: QueryParameters, f: ValueFormat = ValueFormat.BOLT_5) = PackStreamWriter().also { p.write(it, f) }.toByteArray().toList()
    fun mapBytes(m: Map<String, Any?>, f: ValueFormat = ValueFormat.BOLT_5) =
        PackStreamWriter().also { ValueEncoder.writeMap(it, Values.parameters(m), f) }.toByteArray().toList()

    fun sample(title: String = "Heat", year: Long = 1995, poster: ByteArray = byteArrayOf(1, 2)) = Movie(
        title = Title(title), released = year, genre = Genre.SCIFI, tags = listOf("a", "b"), scores = setOf(3, 1),
        extra = mapOf("k" to "v", "none" to null), director = Person("Mann", 1943), cast = listOf(Person("Pacino"), Person("De Niro", 1943)),
        poster = poster, premiere = LocalDate.of(1995, 12, 15), shot = LocalDateTime.of(1995, 1, 2, 3, 4, 5, 6),
        at = Instant.ofEpochSecond(1_000_000, 7), length = Duration.ofMinutes(170), window = Period.of(1, 2, 3),
        location = Point2DValue(7203, 1.0, 2.0), flag = true, initial = 'H',
    )

    fun sampleAsMap(m: Movie): Map<String, Any?> = linkedMapOf(
        "title" to m.title.text, "year" to m.released, "rating" to m.rating, "genre" to "sci-fi", "tags" to m.tags,
        "scores" to m.scores.toList(), "extra" to m.extra,
        "director" to m.director?.let { linkedMapOf("name" to it.name, "born" to it.born) },
        "cast" to m.cast.map { linkedMapOf("name" to it.name, "born" to it.born) },
        "poster" to m.poster, "premiere" to m.premiere, "shot" to m.shot, "at" to m.at, "length" to m.length,
        "window" to m.window, "location" to m.location, "flag" to m.flag, "initial" to m.initial.toString(),
    )

    test("a class's properties are sent as the map a caller would write by hand, byte for byte") {
        for (f in listOf(ValueFormat.LEGACY_4, ValueFormat.BOLT_5, ValueFormat.BOLT_6)) {
            bytes(parametersOf(sample()), f) shouldBe mapBytes(sampleAsMap(sample()), f)
        }
    }

    test("random objects encode exactly as their hand-written maps (property)") {
        checkAll(300, Arb.string(0..40), Arb.long(), Arb.byteArray(Arb.int(0..20), Arb.byte()),
            Arb.localDate(), Arb.localDateTime(), Arb.list(Arb.string(0..5).orNull(), 0..5)) { title, year, poster, date, dateTime, extras ->
            val m = sample(title, year, poster).copy(premiere = date, shot = dateTime, extra = extras.withIndex().associate { "k${it.index}" to it.value })
            bytes(parametersOf(m)) shouldBe mapBytes(sampleAsMap(m))
        }
    }

    test("a list of objects under a name, for UNWIND, matches the map form; plus joins parameters under one map") {
        val people = listOf(Person("Ann", 1970), Person("Bob"))
        val asMaps = people.map { linkedMapOf("name" to it.name, "born" to it.born) }
        bytes(parametersOf("batch", people)) shouldBe mapBytes(mapOf("batch" to asMaps))
        bytes(parametersOf(Batch(people))) shouldBe mapBytes(mapOf("batch" to asMaps))
        bytes(parametersOf("batch", people) + parametersOf("limit", 10) + parametersOf(Person("Cy", 2000))) shouldBe
            mapBytes(linkedMapOf("batch" to asMaps, "limit" to 10, "name" to "Cy", "born" to 2000))
        bytes(parametersOf(mapOf("a" to 1, "b" to 2)) + parametersOf("c", 3)) shouldBe mapBytes(linkedMapOf("a" to 1, "b" to 2, "c" to 3))
    }

    test("a vector is written from Bolt 6 and refused before, naming the parameter's path") {
        val v = WithVector("x", VectorValue.ofFloats(floatArrayOf(1f, 2f)))
        bytes(parametersOf(v), ValueFormat.BOLT_6) shouldBe mapBytes(mapOf("name" to "x", "embedding" to v.embedding), ValueFormat.BOLT_6)
        shouldThrow<IllegalArgumentException> { bytes(parametersOf(v), ValueFormat.BOLT_5) }.message shouldBe
            "parameter 'embedding': vectors need Bolt 6.0 or later"
        shouldThrow<IllegalArgumentException> { bytes(parametersOf("rows", listOf(v, v)), ValueFormat.BOLT_5) }.message shouldBe
            "parameter 'rows[0].embedding': vectors need Bolt 6.0 or later"
    }

    test("a UUID in an object is sent as Neo4j's UUID value from Bolt 6.1 and refused before, as a UUID map parameter is") {
        val a = UUID.fromString("550e8400-e29b-41d4-a716-446655440000")
        val b = UUID.fromString("6f1c6a1e-8c7d-4a8e-9d0b-0a0b0c0d0e0f")
        val t = Tagged(a, b.toKotlinUuid(), listOf(b, a))
        val asMap = linkedMapOf("id" to a, "kid" to b, "others" to listOf(b, a), "none" to null)
        bytes(parametersOf(t), ValueFormat.BOLT_6_1) shouldBe mapBytes(asMap, ValueFormat.BOLT_6_1)
        bytes(parametersOf("p", listOf(t)), ValueFormat.BOLT_6_1) shouldBe mapBytes(mapOf("p" to listOf(asMap)), ValueFormat.BOLT_6_1)
        bytes(parametersOf("id", a), ValueFormat.BOLT_6_1) shouldBe mapBytes(mapOf("id" to a), ValueFormat.BOLT_6_1)
        // The marker E0 and the 16 bytes, not the 36 characters of the text.
        bytes(parametersOf("id", a), ValueFormat.BOLT_6_1).size shouldBe 1 + 3 + 17
        val mapRefusal = shouldThrow<IllegalArgumentException> { mapBytes(mapOf("id" to a), ValueFormat.BOLT_6) }.message!!
        for (f in listOf(ValueFormat.LEGACY_4, ValueFormat.BOLT_5, ValueFormat.BOLT_6)) {
            shouldThrow<IllegalArgumentException> { bytes(parametersOf(t), f) }.message shouldBe "parameter 'id': $mapRefusal"
            shouldThrow<IllegalArgumentException> { bytes(parametersOf("p", listOf(t)), f) }.message shouldBe "parameter 'p[0].id': $mapRefusal"
            shouldThrow<IllegalArgumentException> { bytes(parametersOf("k", b.toKotlinUuid()), f) }.message shouldBe "parameter 'k': $mapRefusal"
        }
        mapRefusal shouldContain "UUID values need Bolt 6.1 or later"
        // A summary's view of the parameters shows the UUID value whatever the connection.
        parametersOf(t).toValues()["id"] shouldBe UuidValue(a)
    }

    test("shapes that cannot be parameters fail with the fix") {
        shouldThrow<IllegalArgumentException> { parametersOf(listOf(1, 2)) }.message shouldContain "not kotlin.collections"
        shouldThrow<IllegalArgumentException> { parametersOf(ListSerializer(Person.serializer()), listOf(Person("a"))) }.message shouldContain "parametersOf(\"batch\", value)"
        shouldThrow<IllegalArgumentException> { parametersOf(42) }.message shouldContain "give it a name"
        shouldThrow<IllegalArgumentException> { bytes(parametersOf("m", mapOf(1 to "a"))) }.message shouldContain "map keys must be strings"
        shouldThrow<IllegalArgumentException> { parametersOf("name", 1) + parametersOf(Person("a")) }.message shouldContain "[name]"
    }

    test("a serializer writing fewer elements than its descriptor declares is refused, not sent malformed") {
        val skipping = object : KSerializer<Person> {
            override val descriptor: SerialDescriptor = buildClassSerialDescriptor("Skipping") { element<String>("name"); element<Int>("born") }
            override fun serialize(encoder: Encoder, value: Person) = encoder.encodeStructure(descriptor) { encodeStringElement(descriptor, 0, value.name) }
            override fun deserialize(decoder: Decoder): Person = error("unused")
        }
        shouldThrow<IllegalArgumentException> { bytes(QueryParameters.of(skipping, Person("a"))) }.message shouldContain "wrote 1 elements but declared 2"
    }

    test("toValues decodes what would be sent, for summaries") {
        parametersOf("batch", listOf(Person("Ann", 1))).toValues() shouldBe
            mapOf("batch" to ListValue(listOf(MapValue(mapOf("name" to StringValue("Ann"), "born" to IntegerValue(1))))))
        QueryParameters.EMPTY.toValues() shouldBe emptyMap()
        parametersOf(Person("x")).names shouldBe listOf("name", "born")
    }

    test("an Instant is sent as a UTC date-time, as a map parameter is") {
        val at = Instant.parse("2020-01-02T03:04:05Z")
        parametersOf("at", at).toValues()["at"] shouldBe Values.of(ZonedDateTime.ofInstant(at, ZoneOffset.UTC))
    }
})

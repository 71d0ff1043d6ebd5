@file:UseSerializers(LocalDateSerializer::class, ZonedDateTimeSerializer::class, JavaDurationSerializer::class, PeriodSerializer::class, UuidSerializer::class)

package org.boltkt.client.mapping

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.UseSerializers
import org.boltkt.client.record.Record
import org.boltkt.client.record.RecordKeys
import org.boltkt.client.value.Values
import java.time.LocalDate
import java.time.Period
import java.time.ZonedDateTime
import java.util.UUID

@Serializable
enum class Genre { DRAMA, @SerialName("sci-fi") SCIFI }

@Serializable
@JvmInline
value class Title(val text: String)

@Serializable
data class Movie(val title: String, val released: Long, val tagline: String? = null)

@Serializable
data class Rich(
    @SerialName("name") val title: Title,
    val year: Int = 1999,
    val rating: Double? = null,
    val genre: Genre = Genre.DRAMA,
    val tags: Set<String> = emptySet(),
    val scores: List<Int> = emptyList(),
    val extra: Map<String, Long> = emptyMap(),
    val day: LocalDate? = null,
    val at: ZonedDateTime? = null,
    val length: java.time.Duration? = null,
    val period: Period? = null,
    val kotlinLength: kotlin.time.Duration? = null,
    val id: UUID? = null,
    val bytes: ByteArray? = null,
    val location: CypherPoint? = null,
    val embedding: DoubleArray? = null,
    val note: String?,
)

@Serializable
data class Person(@ElementId val id: String, @Labels val labels: List<String>, val name: String, val born: Int? = null)

@Serializable
data class Knows(@RelationshipType val type: String, @ElementId val id: String, val since: Int)

@Serializable
data class PathOf(val nodes: List<Person>, val relationships: List<Knows>)

@Serializable
@StrictMapping
data class StrictMovie(val title: String)

fun row(vararg pairs: Pair<String, Any?>): Record =
    Record(RecordKeys.of(pairs.map { it.first }), pairs.map { Values.of(it.second) })

package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.boltkt.client.error.ClientException;
import org.boltkt.client.error.ResultMappingException;
import org.boltkt.protocol.value.VectorValue;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Typed results and parameters from Java (issue 19): records, constructor-mapped classes and enums read straight
 * from the result and sent as parameters, against real Neo4j 5.26 and 2026.x.
 */
class TypedJavaTest {
    enum Genre { DRAMA, CRIME }

    record Person(String name, Long born) {}

    record Movie(String title, long released, List<String> genres, LocalDate premiere, Genre genre, Person director) {}

    /** A class compiled with {@code -parameters} (this module's tests are): its one public constructor's names map. */
    static final class Film {
        private final String title;
        private final long released;

        public Film(String title, long released) {
            this.title = title;
            this.released = released;
        }

        public String getTitle() { return title; }
        public long getReleased() { return released; }
    }

    /** A class mapped through our annotation: names that differ from the Java parameter names. */
    static final class Renamed {
        final String name;
        final int year;

        Renamed(@BoltProperty("title") String name, @BoltProperty("released") int year) {
            this.name = name;
            this.year = year;
        }

        public String getTitle() { return name; }
        public int getReleased() { return year; }
    }

    record Embedded(String tag, VectorValue embedding) {}

    record Tagged(UUID id, List<UUID> others) {}

    private static List<Movie> movies(int n) {
        List<Movie> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Movie("movie " + i, 1990 + i, List.of("g" + i, "drama"), LocalDate.of(1990 + i % 30, 1 + i % 12, 1 + i % 28),
                    i % 2 == 0 ? Genre.DRAMA : Genre.CRIME, new Person("director " + i, i % 3 == 0 ? null : 1950L + i)));
        }
        return out;
    }

    private static final String READ_BACK = "MATCH (m:JavaTyped {tag: $tag}) "
            + "RETURN m.title AS title, m.released AS released, m.genres AS genres, m.premiere AS premiere, m.genre AS genre, "
            + "{name: m.director, born: m.born} AS director ORDER BY m.released";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void recordsWrittenAsParametersReadBackIntoRecordsThroughEveryFacadeCall(Neo4jVersion version) throws Exception {
        String tag = "java-typed-" + System.nanoTime();
        List<Movie> written = movies(40);
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withFetchSize(7))) {
            try (BlockingSession session = driver.session()) {
                long created = session.executeWrite(tx -> tx.run(
                        "UNWIND $batch AS m CREATE (:JavaTyped {tag: $tag, title: m.title, released: m.released, genres: m.genres, "
                                + "premiere: m.premiere, genre: m.genre, director: m.director.name, born: m.director.born})",
                        JavaParameters.list("batch", written, Movie.class).plus(JavaParameters.of("tag", tag)))
                        .consume().getCounters().getNodesCreated());
                assertEquals(40, created);

                // blocking list(Class)
                assertEquals(written, session.run(READ_BACK, Map.of("tag", tag)).list(Movie.class));

                // blocking stream(Class): across batches of 7, after reading a few with next(Class)
                BlockingResult result = session.run(READ_BACK, Map.of("tag", tag));
                assertEquals(written.get(0), result.next(Movie.class));
                assertEquals(written.get(1), result.next(Movie.class)); // a result is read as Records or as one type, not both
                List<Movie> rest = result.stream(Movie.class).collect(Collectors.toList());
                assertEquals(written.subList(2, 40), rest);
                assertNull(result.next(Movie.class));

                // a record given whole as the parameters
                Movie first = written.get(0);
                JavaRecord echoed = session.run("RETURN $title AS title, $released AS released, $genres AS genres, $premiere AS premiere, "
                        + "$genre AS genre, $director AS director", JavaParameters.of(first)).single();
                assertEquals(first, echoed.as(Movie.class));

                // a map with records inside
                Map<String, Object> params = Map.of("who", new Person("Ann", 1970L), "tag", tag);
                assertEquals(new Person("Ann", 1970L), session.run("RETURN $who.name AS name, $who.born AS born", JavaParameters.of(params))
                        .single(Person.class));
            }

            // async: listAsync(Class) and a typed Publisher honouring demand
            AsyncSession async = driver.asyncSession();
            List<Movie> listed = async.runAsync(READ_BACK, Map.of("tag", tag))
                    .thenCompose(c -> c.listAsync(Movie.class)).get(60, TimeUnit.SECONDS);
            assertEquals(written, listed);
            AsyncResultCursor cursor = async.runAsync(READ_BACK, Map.of("tag", tag)).get(60, TimeUnit.SECONDS);
            assertEquals(written, collect(cursor.records(Movie.class), 3));
            async.closeAsync().get(60, TimeUnit.SECONDS);

            driver.executeQuery("MATCH (m:JavaTyped {tag: $tag}) DELETE m", JavaParameters.of("tag", tag));
            TestDrivers.awaitNoConnectionInUse(driver, java.time.Duration.ofSeconds(10));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void constructorMappedClassesByParameterNamesAndByAnnotation(Neo4jVersion version) {
        try (JavaDriver driver = TestDrivers.open(version); BlockingSession session = driver.session()) {
            Film film = session.run("RETURN 'Heat' AS title, 1995 AS released, 'ignored' AS extra").single(Film.class);
            assertEquals("Heat", film.getTitle());
            assertEquals(1995L, film.getReleased());
            Renamed renamed = session.run("RETURN $title AS title, $released AS released", JavaParameters.of(new Renamed("Ronin", 1998)))
                    .single(Renamed.class);
            assertEquals("Ronin", renamed.name);
            assertEquals(1998, renamed.year);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aValueThatDoesNotFitNamesColumnAndPropertyAndTheSessionStaysUsable(Neo4jVersion version) {
        try (JavaDriver driver = TestDrivers.open(version); BlockingSession session = driver.session()) {
            ResultMappingException wrongType = assertThrows(ResultMappingException.class,
                    () -> session.run("RETURN 'x' AS name, 'not a number' AS born").single(Person.class));
            assertEquals("born", wrongType.getColumn());
            assertEquals("STRING", wrongType.getReceivedType());
            assertFalse(wrongType.isRetryable());

            ResultMappingException nullIntoPrimitive = assertThrows(ResultMappingException.class,
                    () -> session.run("RETURN 'Heat' AS title, null AS released").single(Film.class));
            assertEquals("released", nullIntoPrimitive.getColumn());
            assertEquals("NULL", nullIntoPrimitive.getReceivedType());

            ResultMappingException missing = assertThrows(ResultMappingException.class,
                    () -> session.run("RETURN 'Heat' AS title").single(Film.class));
            assertEquals("MISSING", missing.getReceivedType());
            assertTrue(missing.getMessage().contains("released"), missing.getMessage());

            // the rest of a result stays readable after a bad row
            BlockingResult result = session.run("UNWIND [1, 'two', 3] AS born RETURN 'p' AS name, born");
            assertEquals(new Person("p", 1L), result.next(Person.class));
            assertThrows(ResultMappingException.class, () -> result.next(Person.class));
            assertEquals(new Person("p", 3L), result.next(Person.class));
            assertEquals(1L, session.run("RETURN 1 AS one").single().getLong("one"));
            assertEquals(0, TestDrivers.inUse(driver));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aVectorParameterBeforeBolt6FailsBeforeSendingAndIsNotRetried(Neo4jVersion version) {
        try (JavaDriver driver = TestDrivers.open(version); BlockingSession session = driver.session()) {
            Embedded row = new Embedded("v", VectorValue.Companion.ofFloats(new float[] {1f, 2f}));
            boolean bolt6 = driver.serverInfo().getProtocolVersion().getMajor() >= 6;
            if (bolt6) {
                assertEquals("v", session.run("RETURN $tag AS tag", JavaParameters.of(row)).single().getString("tag"));
            } else {
                ClientException e = assertThrows(ClientException.class, () -> session.run("RETURN $embedding", JavaParameters.of(row)));
                assertTrue(e.getMessage().contains("parameter 'embedding': vectors need Bolt 6.0 or later"), e.getMessage());
                assertFalse(e.isRetryable());
            }
            assertEquals(1L, session.run("RETURN 1 AS one").single().getLong("one"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aUuidInARecordParameterIsSentAsAUuidOnBolt61AndRefusedBefore(Neo4jVersion version) {
        try (JavaDriver driver = TestDrivers.open(version); BlockingSession session = driver.session()) {
            UUID a = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
            UUID b = UUID.fromString("6f1c6a1e-8c7d-4a8e-9d0b-0a0b0c0d0e0f");
            Tagged row = new Tagged(a, List.of(b));
            var v = driver.serverInfo().getProtocolVersion();
            if (v.getMajor() > 6 || (v.getMajor() == 6 && v.getMinor() >= 1)) {
                JavaRecord back = session.run("CYPHER 25 RETURN $p.id AS id, $p.others AS others, $p.id = uuid('" + a + "') AS same",
                        JavaParameters.of("p", row)).single();
                assertEquals(a, back.getUuid("id"));
                assertTrue(back.getBoolean("same"), "the server compares the parameter as a UUID, not as text");
                assertEquals(row, session.run("RETURN $id AS id, $others AS others", JavaParameters.of(row)).single(Tagged.class));
            } else {
                ClientException e = assertThrows(ClientException.class, () -> session.run("RETURN $id", JavaParameters.of(row)));
                assertTrue(e.getMessage().contains("parameter 'id': UUID values need Bolt 6.1 or later"), e.getMessage());
                assertFalse(e.isRetryable());
            }
            assertEquals(1L, session.run("RETURN 1 AS one").single().getLong("one"));
        }
    }

    @Test
    void serializersAreBuiltOncePerClassAndUnmappableTypesNameTheFix() {
        assertSame(JavaSerializers.of(Movie.class), JavaSerializers.of(Movie.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JavaSerializers.of(Runnable.class));
        assertTrue(e.getMessage().contains("use a record"), e.getMessage());
        IllegalArgumentException raw = assertThrows(IllegalArgumentException.class,
                () -> JavaParameters.of(new RawList(List.of())));
        assertTrue(raw.getMessage().contains("element type"), raw.getMessage());
    }

    @Test
    void recordsAndMapsBecomeTheParametersAMapOfValuesWouldSend() {
        Movie m = movies(1).get(0);
        Map<String, Object> asMap = new java.util.LinkedHashMap<>();
        asMap.put("title", m.title());
        asMap.put("released", m.released());
        asMap.put("genres", m.genres());
        asMap.put("premiere", m.premiere());
        asMap.put("genre", m.genre().name());
        Map<String, Object> director = new java.util.LinkedHashMap<>();
        director.put("name", m.director().name());
        director.put("born", m.director().born());
        asMap.put("director", director);
        assertEquals(org.boltkt.client.value.Values.parameters(asMap), JavaParameters.of(m).toValues());
        assertEquals(org.boltkt.client.value.Values.parameters(Map.of("batch", List.of(director))),
                JavaParameters.list("batch", List.of(m.director()), Person.class).toValues());
        assertEquals(org.boltkt.client.value.Values.parameters(Map.of("rows", List.of(director), "n", 1L)),
                JavaParameters.of(Map.of("rows", List.of(m.director()), "n", 1L)).toValues());
        assertEquals(List.of("title", "released"), JavaParameters.of(new Renamed("x", 1)).getNames());
    }

    record RawList(@SuppressWarnings("rawtypes") List items) {}

    /** Subscribes with a demand of [batch] at a time and collects every item. */
    static <T> List<T> collect(Flow.Publisher<T> publisher, int batch) throws Exception {
        List<T> out = new ArrayList<>();
        CompletableFuture<List<T>> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<T>() {
            Flow.Subscription subscription;
            int outstanding;

            @Override public void onSubscribe(Flow.Subscription s) { subscription = s; outstanding = batch; s.request(batch); }
            @Override public void onNext(T item) {
                out.add(item);
                if (--outstanding < 0) done.completeExceptionally(new AssertionError("more items than requested"));
                if (outstanding == 0) { outstanding = batch; subscription.request(batch); }
            }
            @Override public void onError(Throwable t) { done.completeExceptionally(t); }
            @Override public void onComplete() { done.complete(out); }
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e;
        }
    }
}

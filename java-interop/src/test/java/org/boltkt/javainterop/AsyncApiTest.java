package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.boltkt.client.bookmark.Bookmark;
import org.boltkt.client.error.ClientException;
import org.boltkt.client.error.ResultConsumedException;
import org.boltkt.client.error.ResultNotSingleException;
import org.boltkt.client.summary.ResultSummary;
import org.boltkt.protocol.message.AccessMode;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CompletableFuture API end to end against real Neo4j, written as a Java user would. */
class AsyncApiTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aCompletableFutureChainWritesReadsAndSummarises(Neo4jVersion version) throws Exception {
        String tag = "async-chain-" + version.name();
        try (JavaDriver driver = TestDrivers.open(version)) {
            AsyncSession session = driver.asyncSession();
            ResultSummary created = driver.verifyConnectivityAsync()
                    .thenCompose(ignored -> session.runAsync(
                            "UNWIND range(1, 5) AS i CREATE (:JavaChain {tag: $tag, i: i})", Map.of("tag", tag)))
                    .thenCompose(AsyncResultCursor::consumeAsync)
                    .get(60, TimeUnit.SECONDS);
            assertEquals(5, created.getCounters().getNodesCreated());

            List<Long> values = session.runAsync(
                            "MATCH (n:JavaChain {tag: $tag}) RETURN n.i AS i ORDER BY i", Map.of("tag", tag))
                    .thenCompose(AsyncResultCursor::listAsync)
                    .thenApply(records -> records.stream().map(r -> r.getLong("i")).toList())
                    .get(60, TimeUnit.SECONDS);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), values);

            // next / peek / forEach on one cursor, each started after the previous completed.
            AsyncResultCursor cursor = session.runAsync("UNWIND [10, 20, 30] AS x RETURN x, null AS nothing").get(60, TimeUnit.SECONDS);
            assertEquals(List.of("x", "nothing"), cursor.keys());
            assertEquals(10L, cursor.peekAsync().get().getLong("x"));
            JavaRecord first = cursor.nextAsync().get();
            assertEquals(10L, first.getLong("x"));
            assertNull(first.getLongOrNull("nothing"));
            List<Long> rest = new ArrayList<>();
            ResultSummary summary = cursor.forEachAsync(r -> rest.add(r.getLong(0))).get();
            assertEquals(List.of(20L, 30L), rest);
            assertNotNull(summary.getServer());
            assertFalse(cursor.isOpen());
            Throwable afterConsume = cursor.nextAsync().handle((r, e) -> e).get();
            assertInstanceOf(ResultConsumedException.class, afterConsume, "forEachAsync consumed the result");

            AsyncResultCursor empty = session.runAsync("UNWIND [] AS x RETURN x").get();
            assertNull(empty.nextAsync().get(), "an exhausted cursor yields null");
            assertNull(empty.peekAsync().get());

            assertEquals(42L, session.runAsync("RETURN 42 AS answer")
                    .thenCompose(AsyncResultCursor::singleAsync).get().getLong("answer"));
            Set<Bookmark> bookmarks = session.lastBookmarks();
            assertFalse(bookmarks.isEmpty());
            session.closeAsync().get();

            // executeQuery with a READ routing sees the writes of the session through the bookmark it passes on.
            JavaEagerResult eager = driver.executeQueryAsync(
                            "MATCH (n:JavaChain {tag: $tag}) RETURN count(n) AS c", Map.of("tag", tag),
                            JavaQueryConfig.builder().withRouting(AccessMode.READ).build())
                    .get(60, TimeUnit.SECONDS);
            assertEquals(5L, eager.getRecords().get(0).getLong("c"));
            long viaTransformer = driver.<Long>executeQueryAsync(
                            "MATCH (n:JavaChain {tag: $tag}) RETURN n.i AS i", Map.of("tag", tag), JavaQueryConfig.defaults(),
                            c -> c.listAsync().thenApply(rs -> rs.stream().mapToLong(r -> r.getLong("i")).sum()))
                    .get(60, TimeUnit.SECONDS);
            assertEquals(15L, viaTransformer);
            driver.executeQueryAsync("MATCH (n:JavaChain {tag: $tag}) DELETE n", Map.of("tag", tag)).get();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void explicitTransactionsCommitAndRollBack(Neo4jVersion version) throws Exception {
        String tag = "async-tx-" + version.name();
        try (JavaDriver driver = TestDrivers.open(version)) {
            AsyncSession session = driver.asyncSession(JavaSessionConfig.builder().withFetchSize(2L).build());
            AsyncTransaction rolledBack = session.beginTransactionAsync().get();
            rolledBack.runAsync("CREATE (:JavaTx {tag: $tag, kept: false})", Map.of("tag", tag))
                    .thenCompose(AsyncResultCursor::consumeAsync)
                    .thenCompose(s -> rolledBack.rollbackAsync())
                    .get(60, TimeUnit.SECONDS);
            assertFalse(rolledBack.isOpen());

            JavaTransactionConfig txConfig = JavaTransactionConfig.builder()
                    .withTimeout(Duration.ofSeconds(30)).withMetadata(Map.of("app", "java-interop-test")).build();
            AsyncTransaction committed = session.beginTransactionAsync(txConfig).get();
            committed.runAsync("CREATE (:JavaTx {tag: $tag, kept: true})", Map.of("tag", tag))
                    .thenCompose(c -> committed.commitAsync())
                    .get(60, TimeUnit.SECONDS);
            session.closeAsync().get();

            JavaEagerResult kept = driver.executeQueryAsync(
                    "MATCH (n:JavaTx {tag: $tag}) RETURN n.kept AS kept", Map.of("tag", tag)).get();
            assertEquals(1, kept.getRecords().size());
            assertTrue(kept.getRecords().get(0).getBoolean("kept"));
            driver.executeQuery("MATCH (n:JavaTx {tag: $tag}) DELETE n", Map.of("tag", tag));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void failuresCompleteFuturesWithThePublicExceptionUnwrapped(Neo4jVersion version) throws Exception {
        try (JavaDriver driver = TestDrivers.open(version)) {
            AsyncSession session = driver.asyncSession();

            CompletableFuture<AsyncResultCursor> bad = session.runAsync("RETRUN 1");
            AtomicReference<Throwable> seen = new AtomicReference<>();
            bad.exceptionally(e -> { seen.set(e); return null; }).get(60, TimeUnit.SECONDS);
            ClientException direct = assertInstanceOf(ClientException.class, seen.get(), "exceptionally sees the driver's exception itself");
            assertEquals("Neo.ClientError.Statement.SyntaxError", direct.getCode());

            ExecutionException viaGet = assertThrows(ExecutionException.class, bad::get);
            assertSame(direct, viaGet.getCause(), "get() wraps the same exception in ExecutionException");
            CompletionException viaJoin = assertThrows(CompletionException.class, bad::join);
            assertSame(direct, viaJoin.getCause(), "join() wraps it in CompletionException");

            CompletableFuture<JavaRecord> notSingle = session.runAsync("UNWIND [1, 2] AS x RETURN x")
                    .thenCompose(AsyncResultCursor::singleAsync);
            ExecutionException e = assertThrows(ExecutionException.class, () -> notSingle.get(60, TimeUnit.SECONDS));
            // A derived stage: CompletableFuture.get unwraps the CompletionException of the dependent stage.
            ResultNotSingleException ns = assertInstanceOf(ResultNotSingleException.class, e.getCause());
            assertEquals(ResultNotSingleException.Reason.TOO_MANY_RECORDS, ns.getReason());

            // The blocking facade throws the exception itself.
            try (BlockingSession blocking = driver.session()) {
                ClientException thrown = assertThrows(ClientException.class, () -> blocking.run("RETRUN 1"));
                assertEquals("Neo.ClientError.Statement.SyntaxError", thrown.getCode());
            }
            session.closeAsync().get();
            assertEquals(0, TestDrivers.inUse(driver));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void cancellingAFutureMidStreamReturnsTheConnection(Neo4jVersion version) throws Exception {
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withFetchSize(100).withMaxConnectionPoolSize(2))) {
            AsyncSession session = driver.asyncSession();
            AsyncResultCursor cursor = session.runAsync("UNWIND range(1, 10000000) AS i RETURN i").get(60, TimeUnit.SECONDS);
            assertEquals(1, TestDrivers.inUse(driver), "the streaming result holds its connection");
            AtomicLong seen = new AtomicLong();
            CompletableFuture<Long> reachedThousand = new CompletableFuture<>();
            CompletableFuture<ResultSummary> streaming = cursor.forEachAsync(r -> {
                if (seen.incrementAndGet() == 1000) reachedThousand.complete(r.getLong("i"));
            });
            assertEquals(1000L, reachedThousand.get(60, TimeUnit.SECONDS));

            assertTrue(streaming.cancel(true), "the future was still running");
            assertTrue(streaming.isCancelled());
            TestDrivers.awaitNoConnectionInUse(driver, Duration.ofSeconds(30));
            long afterCancel = seen.get();
            Thread.sleep(100);
            assertEquals(afterCancel, seen.get(), "no record is delivered after the cancellation finished");
            assertTrue(afterCancel < 10_000_000L, "the stream stopped early");

            // The pool is usable again: a new session and executeQuery get the returned connection's slot
            // (reusing the same session is checked by sameSessionAfterCancellation).
            AsyncSession next = driver.asyncSession();
            assertEquals(7L, next.runAsync("RETURN 7 AS n").thenCompose(AsyncResultCursor::singleAsync).get(60, TimeUnit.SECONDS).getLong("n"));
            next.closeAsync().get();
            assertEquals(3L, driver.executeQueryAsync("RETURN 3 AS n").get(60, TimeUnit.SECONDS).getRecords().get(0).getLong("n"));
            assertEquals(0, TestDrivers.inUse(driver));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void sameSessionAfterCancellation(Neo4jVersion version) throws Exception {
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withFetchSize(100))) {
            AsyncSession session = driver.asyncSession();
            AsyncResultCursor cursor = session.runAsync("UNWIND range(1, 10000000) AS i RETURN i").get(60, TimeUnit.SECONDS);
            CompletableFuture<Void> started = new CompletableFuture<>();
            CompletableFuture<ResultSummary> streaming = cursor.forEachAsync(r -> started.complete(null));
            started.get(60, TimeUnit.SECONDS);
            streaming.cancel(true);
            TestDrivers.awaitNoConnectionInUse(driver, Duration.ofSeconds(30));
            assertEquals(7L, session.runAsync("RETURN 7 AS n").thenCompose(AsyncResultCursor::singleAsync).get(60, TimeUnit.SECONDS).getLong("n"));
            session.closeAsync().get(60, TimeUnit.SECONDS);
            assertEquals(0, TestDrivers.inUse(driver));
        }
    }
}

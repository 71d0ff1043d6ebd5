package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Managed transactions retry through the Kotlin core's retry policy when the Java work fails with a retryable
 * error: a real deadlock between two transactions that lock two nodes in opposite orders.
 */
class ManagedRetriesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void anAsyncManagedWriteIsRetriedAfterARealDeadlock(Neo4jVersion version) throws Exception {
        String tag = "java-deadlock-async-" + version.name();
        try (JavaDriver driver = TestDrivers.open(version)) {
            driver.executeQuery("UNWIND ['A', 'B'] AS id CREATE (:JavaLock {tag: $tag, id: id, n: 0})", Map.of("tag", tag));
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Void> firstLocked = new CompletableFuture<>();
            CompletableFuture<Void> secondLocked = new CompletableFuture<>();
            AsyncSession one = driver.asyncSession();
            AsyncSession two = driver.asyncSession();

            CompletableFuture<Integer> a = one.executeWriteAsync(lockBoth(tag, "A", "B", firstLocked, secondLocked, attempts));
            CompletableFuture<Integer> b = two.executeWriteAsync(lockBoth(tag, "B", "A", secondLocked, firstLocked, attempts));
            CompletableFuture.allOf(a, b).get(120, TimeUnit.SECONDS);

            assertTrue(attempts.get() >= 3, "one of the two transactions must have been retried; attempts=" + attempts.get());
            assertEquals(List.of("A=2", "B=2"), counts(driver, tag), "both transactions committed exactly once");
            one.closeAsync().get();
            two.closeAsync().get();
            driver.executeQuery("MATCH (n:JavaLock {tag: $tag}) DELETE n", Map.of("tag", tag));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aBlockingManagedWriteIsRetriedOnTheCallingThread(Neo4jVersion version) throws Exception {
        String tag = "java-deadlock-blocking-" + version.name();
        try (JavaDriver driver = TestDrivers.open(version)) {
            driver.executeQuery("UNWIND ['A', 'B'] AS id CREATE (:JavaLock {tag: $tag, id: id, n: 0})", Map.of("tag", tag));
            AtomicInteger attempts = new AtomicInteger();
            Set<String> wrongThreads = ConcurrentHashMap.newKeySet();
            CompletableFuture<Void> firstLocked = new CompletableFuture<>();
            CompletableFuture<Void> secondLocked = new CompletableFuture<>();

            CompletableFuture<Integer> a = new CompletableFuture<>();
            CompletableFuture<Integer> b = new CompletableFuture<>();
            Thread ta = new Thread(() -> blockingLockBoth(driver, tag, "A", "B", firstLocked, secondLocked, attempts, wrongThreads, a));
            Thread tb = new Thread(() -> blockingLockBoth(driver, tag, "B", "A", secondLocked, firstLocked, attempts, wrongThreads, b));
            ta.start();
            tb.start();
            CompletableFuture.allOf(a, b).get(120, TimeUnit.SECONDS);

            assertTrue(attempts.get() >= 3, "one of the two transactions must have been retried; attempts=" + attempts.get());
            assertEquals(Set.of(), wrongThreads, "every attempt ran on the thread that called executeWrite");
            assertEquals(List.of("A=2", "B=2"), counts(driver, tag));
            driver.executeQuery("MATCH (n:JavaLock {tag: $tag}) DELETE n", Map.of("tag", tag));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aNonRetryableFailureOfTheWorkIsNotRetriedAndReachesTheCaller(Neo4jVersion version) throws Exception {
        try (JavaDriver driver = TestDrivers.open(version)) {
            AtomicInteger attempts = new AtomicInteger();
            IllegalStateException mine = new IllegalStateException("application failure");
            CompletableFuture<Object> f = driver.asyncSession().executeWriteAsync(tx -> {
                attempts.incrementAndGet();
                return tx.runAsync("RETURN 1").thenCompose(c -> CompletableFuture.failedFuture(mine));
            });
            Throwable seen = f.handle((v, e) -> e).get(60, TimeUnit.SECONDS);
            // The work's own exception, unwrapped (no CompletionException). Its identity is not promised: with
            // coroutine debug mode on (assertions enabled, as under Surefire) kotlinx may hand over a copy with a
            // recovered stack trace, of the same type and message.
            IllegalStateException same = assertInstanceOf(IllegalStateException.class, seen);
            assertEquals(mine.getMessage(), same.getMessage());
            assertEquals(1, attempts.get());
            TestDrivers.awaitNoConnectionInUse(driver, java.time.Duration.ofSeconds(10));
        }
    }

    private static Function<AsyncTransactionContext, CompletionStage<Integer>> lockBoth(
            String tag, String first, String second, CompletableFuture<Void> mine, CompletableFuture<Void> theirs, AtomicInteger attempts) {
        String update = "MATCH (n:JavaLock {tag: $tag, id: $id}) SET n.n = n.n + 1";
        return tx -> {
            int attempt = attempts.incrementAndGet();
            return tx.runAsync(update, Map.of("tag", tag, "id", first))
                    .thenCompose(AsyncResultCursor::consumeAsync)
                    .thenCompose(s -> {
                        if (mine.complete(null)) {
                            return theirs.copy().orTimeout(30, TimeUnit.SECONDS);
                        }
                        return CompletableFuture.completedFuture(null);
                    })
                    .thenCompose(x -> tx.runAsync(update, Map.of("tag", tag, "id", second)))
                    .thenCompose(AsyncResultCursor::consumeAsync)
                    .thenApply(s -> attempt);
        };
    }

    private static void blockingLockBoth(
            JavaDriver driver, String tag, String first, String second, CompletableFuture<Void> mine, CompletableFuture<Void> theirs,
            AtomicInteger attempts, Set<String> wrongThreads, CompletableFuture<Integer> done) {
        String update = "MATCH (n:JavaLock {tag: $tag, id: $id}) SET n.n = n.n + 1";
        Thread caller = Thread.currentThread();
        try (BlockingSession session = driver.session()) {
            done.complete(session.executeWrite(tx -> {
                if (Thread.currentThread() != caller) wrongThreads.add(Thread.currentThread().getName());
                int attempt = attempts.incrementAndGet();
                tx.run(update, Map.of("tag", tag, "id", first)).consume();
                if (mine.complete(null)) theirs.copy().orTimeout(30, TimeUnit.SECONDS).join();
                tx.run(update, Map.of("tag", tag, "id", second)).consume();
                return attempt;
            }));
        } catch (Throwable t) {
            done.completeExceptionally(t);
        }
    }

    private static List<String> counts(JavaDriver driver, String tag) {
        return driver.executeQuery("MATCH (n:JavaLock {tag: $tag}) RETURN n.id AS id, n.n AS n ORDER BY id", Map.of("tag", tag))
                .getRecords().stream().map(r -> r.getString("id") + "=" + r.getLong("n")).toList();
    }
}

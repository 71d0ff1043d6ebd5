package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.boltkt.client.error.ClientException;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The blocking facade, from many threads at once: virtual threads when the JDK has them (21+), platform threads
 * on JDK 17. The facade holds no monitor while waiting, so virtual threads park instead of pinning a carrier.
 */
class BlockingFacadeTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void manyThreadsShareASmallPoolThroughTheBlockingFacade(Neo4jVersion version) throws Exception {
        String tag = "blocking-" + version.name();
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withMaxConnectionPoolSize(4).withFetchSize(5))) {
            int threads = 40;
            List<CompletableFuture<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                CompletableFuture<Long> done = new CompletableFuture<>();
                results.add(done);
                startThread(() -> {
                    try (BlockingSession session = driver.session()) {
                        session.executeWrite(tx -> tx.run("CREATE (:JavaBlocking {tag: $tag, id: $id})", Map.of("tag", tag, "id", id)).consume());
                        BlockingResult result = session.run("UNWIND range(1, 20) AS i RETURN i * $id AS v", Map.of("id", id));
                        long sum = result.records().mapToLong(r -> r.getLong("v")).sum();
                        done.complete(sum);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                });
            }
            for (int t = 0; t < threads; t++) {
                assertEquals(210L * t, (long) results.get(t).get(120, TimeUnit.SECONDS));
            }
            assertEquals(0, TestDrivers.inUse(driver));
            assertTrue(driver.metrics().get(0).getIdle() <= 4, "the pool never grew beyond its limit");

            try (BlockingSession session = driver.session()) {
                BlockingResult count = session.run("MATCH (n:JavaBlocking {tag: $tag}) RETURN count(n) AS c", Map.of("tag", tag));
                assertTrue(count.hasNext());
                assertEquals((long) threads, count.single().getLong("c"));
                try (BlockingTransaction tx = session.beginTransaction()) {
                    tx.run("MATCH (n:JavaBlocking {tag: $tag}) DELETE n", Map.of("tag", tag)).consume();
                    tx.commit();
                }
                assertEquals(0L, (long) session.<Long>executeRead(tx -> tx.run("MATCH (n:JavaBlocking {tag: $tag}) RETURN count(n) AS c", Map.of("tag", tag)).single().getLong("c")));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void interruptingABlockedCallerCancelsTheOperationAndFreesTheConnection(Neo4jVersion version) throws Exception {
        String tag = "blocking-interrupt-" + version.name();
        try (JavaDriver driver = TestDrivers.open(version)) {
            driver.executeQuery("CREATE (:JavaInterrupt {tag: $tag, n: 0})", Map.of("tag", tag));
            try (BlockingSession holder = driver.session(); BlockingTransaction lock = holder.beginTransaction()) {
                lock.run("MATCH (n:JavaInterrupt {tag: $tag}) SET n.n = 1", Map.of("tag", tag)).consume();

                CompletableFuture<Throwable> outcome = new CompletableFuture<>();
                AtomicLong interruptedAfter = new AtomicLong(-1);
                Thread waiter = startThread(() -> {
                    try (BlockingSession session = driver.session()) {
                        // Waits on the server for the lock `lock` holds.
                        session.run("MATCH (n:JavaInterrupt {tag: $tag}) SET n.n = 2 RETURN n.n AS n", Map.of("tag", tag)).consume();
                        outcome.complete(null);
                    } catch (Throwable e) {
                        interruptedAfter.set(Thread.currentThread().isInterrupted() ? 1 : 0);
                        outcome.complete(e);
                    }
                });
                Thread.sleep(500);
                assertEquals(2, TestDrivers.inUse(driver), "the lock holder and the blocked writer");
                waiter.interrupt();
                Throwable e = outcome.get(30, TimeUnit.SECONDS);
                ClientException ce = assertInstanceOf(ClientException.class, e);
                assertInstanceOf(InterruptedException.class, ce.getCause());
                assertEquals(1, interruptedAfter.get(), "the interrupt flag is restored");
                // The driver closed the waiter's connection; the server terminates the waiting transaction when it
                // notices. Releasing the lock before that would let the server run and commit the write anyway
                // (a server-side race, not a driver behaviour), so wait until the server has let go of it.
                awaitServerDropped(driver, tag);
                lock.rollback();
            }
            TestDrivers.awaitNoConnectionInUse(driver, Duration.ofSeconds(30));
            assertEquals(0L, driver.executeQuery("MATCH (n:JavaInterrupt {tag: $tag}) RETURN n.n AS n", Map.of("tag", tag))
                    .getRecords().get(0).getLong("n"), "neither write committed");
            driver.executeQuery("MATCH (n:JavaInterrupt {tag: $tag}) DELETE n", Map.of("tag", tag));
        }
    }

    /** Polls SHOW TRANSACTIONS until no transaction runs the blocked writer's query (at most 20 s). */
    private static void awaitServerDropped(JavaDriver driver, String tag) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            long running = driver.executeQuery(
                    "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'SET n.n = 2 RETURN' "
                            + "AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS c", Map.of())
                    .getRecords().get(0).getLong("c");
            if (running == 0) return;
            if (System.nanoTime() > deadline) throw new AssertionError("the server still runs the interrupted write after 20 s");
            Thread.sleep(20);
        }
    }

    /** A virtual thread where the JDK has them (Thread.ofVirtual, Java 21+), a platform thread otherwise. */
    static Thread startThread(Runnable body) {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
            return (Thread) start.invoke(builder, body);
        } catch (NoSuchMethodException e) {
            Thread thread = new Thread(body);
            thread.start();
            return thread;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.boltkt.client.error.BoltException;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17's cancel storm through the Java facade against a real Neo4j 5.26: workers cancel the driver's own
 * {@code runAsync} and {@code listAsync} futures at a random moment 0–30 ms after the call (a query streaming 200k
 * rows, pool of 20), then close their session. Afterwards no connection may be in use and the whole pool must be
 * acquirable at once. {@code -Dboltkt.cancelStorm.cancels}, {@code .workers} and {@code .seed} size and repeat a run.
 */
class CancelStormTest {
    private static final int CANCELS = Integer.getInteger("boltkt.cancelStorm.cancels", 600);
    private static final int WORKERS = Integer.getInteger("boltkt.cancelStorm.workers", 20);
    private static final long SEED = Long.getLong("boltkt.cancelStorm.seed", System.nanoTime());
    private static final String QUERY = "UNWIND range(1, 200000) AS i RETURN i";

    @Test
    @Timeout(300)
    void cancellingRunAndListFuturesAtRandomMomentsLeavesNoConnectionInUse() throws Exception {
        System.out.println("cancel storm seed=" + SEED + " cancels=" + CANCELS + " workers=" + WORKERS);
        try (JavaDriver driver = TestDrivers.open(Neo4jVersion.LTS_5_26, b -> b
                .withMaxConnectionPoolSize(WORKERS)
                .withConnectionAcquisitionTimeout(Duration.ofSeconds(30)))) {
            AtomicInteger cancelled = new AtomicInteger();
            LongAdder runCancels = new LongAdder();
            LongAdder listCancels = new LongAdder();
            LongAdder iterations = new LongAdder();
            Map<String, Integer> failures = new ConcurrentHashMap<>();
            List<Throwable> notPublic = java.util.Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    Random random = new Random(SEED + w);
                    running.add(workers.submit(() -> {
                        while (cancelled.get() < CANCELS) {
                            iterations.increment();
                            AsyncSession session = driver.asyncSession();
                            try {
                                CompletableFuture<AsyncResultCursor> run = session.runAsync(QUERY);
                                if (random.nextBoolean()) {
                                    pauseUpTo30Millis(random);
                                    if (run.cancel(true)) {
                                        runCancels.increment();
                                        cancelled.incrementAndGet();
                                    }
                                } else {
                                    AsyncResultCursor cursor = run.get(60, TimeUnit.SECONDS);
                                    CompletableFuture<List<JavaRecord>> list = cursor.listAsync();
                                    pauseUpTo30Millis(random);
                                    if (list.cancel(true)) {
                                        listCancels.increment();
                                        cancelled.incrementAndGet();
                                    }
                                }
                            } catch (ExecutionException e) {
                                record(e.getCause(), failures, notPublic);
                            } catch (Exception e) {
                                record(e, failures, notPublic);
                            } finally {
                                try {
                                    session.closeAsync().get(60, TimeUnit.SECONDS);
                                } catch (ExecutionException e) {
                                    record(e.getCause(), failures, notPublic);
                                } catch (Exception e) {
                                    record(e, failures, notPublic);
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) f.get(240, TimeUnit.SECONDS);
            } finally {
                workers.shutdownNow();
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            int inUseAtEnd = TestDrivers.inUse(driver);
            int inUseLater = awaitInUse(driver, Duration.ofSeconds(10));
            System.out.println("cancel storm: " + iterations.sum() + " iterations, " + cancelled.get() + " cancels ("
                    + runCancels.sum() + " runAsync, " + listCancels.sum() + " listAsync) in " + tookMillis + " ms; failures "
                    + failures + "; in use when the workers finished: " + inUseAtEnd + ", 10 s later: " + inUseLater
                    + "; " + driver.metrics());
            assertTrue(notPublic.isEmpty(), () -> "not a public exception: " + notPublic);
            assertEquals(0, inUseLater, () -> "connections in use 10 s after the storm: " + driver.metrics());
            assertPoolWhole(driver);
        }
    }

    /**
     * The blocking facade's counterpart: each worker thread is interrupted at a random moment 0–30 ms after it
     * called {@code run(...)} or, once that returned, {@code list()} on a fresh session (the interrupt may also meet
     * the session's close), then clears its flag. Afterwards no connection is in use and the pool is whole.
     */
    @Test
    @Timeout(300)
    void interruptingBlockingReadersAtRandomMomentsLeavesNoConnectionInUse() throws Exception {
        int interruptsWanted = Integer.getInteger("boltkt.cancelStorm.interrupts", 600);
        System.out.println("interrupt storm seed=" + SEED + " interrupts=" + interruptsWanted + " workers=" + WORKERS);
        try (JavaDriver driver = TestDrivers.open(Neo4jVersion.LTS_5_26, b -> b
                .withMaxConnectionPoolSize(WORKERS)
                .withConnectionAcquisitionTimeout(Duration.ofSeconds(30)))) {
            AtomicInteger interrupted = new AtomicInteger();
            LongAdder iterations = new LongAdder();
            Map<String, Integer> failures = new ConcurrentHashMap<>();
            List<Throwable> notPublic = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.ScheduledExecutorService interrupter = Executors.newSingleThreadScheduledExecutor();
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            long started = System.nanoTime();
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    Random random = new Random(SEED + 1000 + w);
                    running.add(workers.submit(() -> {
                        Thread me = Thread.currentThread();
                        while (interrupted.get() < interruptsWanted) {
                            iterations.increment();
                            java.util.concurrent.ScheduledFuture<?> interrupt = null;
                            try (BlockingSession session = driver.session()) {
                                if (random.nextBoolean()) {
                                    interrupt = interrupter.schedule(me::interrupt, random.nextInt(30_001), TimeUnit.MICROSECONDS);
                                    session.run(QUERY).list();
                                } else {
                                    BlockingResult result = session.run(QUERY);
                                    interrupt = interrupter.schedule(me::interrupt, random.nextInt(30_001), TimeUnit.MICROSECONDS);
                                    result.list();
                                }
                            } catch (org.boltkt.client.error.ClientException e) {
                                if (e.getCause() instanceof InterruptedException) interrupted.incrementAndGet();
                                else record(e, failures, notPublic);
                            } catch (Exception e) {
                                record(e, failures, notPublic);
                            } finally {
                                if (interrupt != null) interrupt.cancel(false);
                                // One that fires after this point meets the next call: just another random moment.
                                Thread.interrupted();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) f.get(240, TimeUnit.SECONDS);
            } finally {
                workers.shutdownNow();
                interrupter.shutdownNow();
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            int inUseAtEnd = TestDrivers.inUse(driver);
            int inUseLater = awaitInUse(driver, Duration.ofSeconds(10));
            System.out.println("interrupt storm: " + iterations.sum() + " iterations, " + interrupted.get() + " interrupted calls in "
                    + tookMillis + " ms; failures " + failures + "; in use when the workers finished: " + inUseAtEnd
                    + ", 10 s later: " + inUseLater + "; " + driver.metrics());
            assertTrue(notPublic.isEmpty(), () -> "not a public exception: " + notPublic);
            assertEquals(0, inUseLater, () -> "connections in use 10 s after the storm: " + driver.metrics());
            assertPoolWhole(driver);
        }
    }

    /** Every one of the pool's connections can be held at once, each by its own open transaction. */
    private static void assertPoolWhole(JavaDriver driver) throws Exception {
        List<AsyncSession> sessions = new ArrayList<>();
        List<CompletableFuture<AsyncTransaction>> begun = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            AsyncSession s = driver.asyncSession();
            sessions.add(s);
            begun.add(s.beginTransactionAsync());
        }
        for (CompletableFuture<AsyncTransaction> tx : begun) {
            assertEquals(1L, tx.get(60, TimeUnit.SECONDS).runAsync("RETURN 1 AS n")
                    .thenCompose(AsyncResultCursor::singleAsync).get(60, TimeUnit.SECONDS).getLong("n"));
        }
        assertEquals(WORKERS, TestDrivers.inUse(driver), "the whole pool is held by the open transactions");
        for (AsyncSession s : sessions) s.closeAsync().get(60, TimeUnit.SECONDS);
        assertEquals(0, TestDrivers.inUse(driver));
    }

    private static int awaitInUse(JavaDriver driver, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (TestDrivers.inUse(driver) != 0 && System.nanoTime() < deadline) Thread.sleep(20);
        return TestDrivers.inUse(driver);
    }

    /** The random moment of the cancellation (not a synchronisation): 0–30 ms after the call. */
    private static void pauseUpTo30Millis(Random random) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(30_001)));
    }

    private static void record(Throwable e, Map<String, Integer> failures, List<Throwable> notPublic) {
        if (e instanceof java.util.concurrent.CancellationException) return;
        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        if (!(e instanceof BoltException)) notPublic.add(e);
    }
}

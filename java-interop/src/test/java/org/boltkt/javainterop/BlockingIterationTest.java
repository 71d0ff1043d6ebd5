package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.boltkt.client.error.BoltException;
import org.boltkt.client.error.ClientException;
import org.boltkt.client.error.ResultConsumedException;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reading records through the blocking facade and the async cursor: records already received are handed out on the
 * calling thread, and only a new batch, the end or an error is waited for on the driver's executor.
 */
class BlockingIterationTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void nextPeekHasNextAndTheStreamSeeEveryRecordInOrderAcrossBatches(Neo4jVersion version) {
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withFetchSize(7));
                BlockingSession session = driver.session()) {
            BlockingResult result = session.run("UNWIND range(1, 50) AS i RETURN i");
            for (long i = 1; i <= 20; i++) {
                assertTrue(result.hasNext());
                assertEquals(i, result.peek().getLong("i"));
                assertEquals(i, result.peek().getLong("i"), "peek does not consume");
                assertEquals(i, result.next().getLong("i"));
            }
            List<Long> rest = result.records().map(r -> r.getLong("i")).collect(Collectors.toList());
            assertEquals(30, rest.size());
            assertEquals(21L, rest.get(0));
            assertEquals(50L, rest.get(29));
            assertFalse(result.hasNext());
            assertNull(result.peek());
            assertNull(result.next());
            assertFalse(result.isOpen());
            assertEquals(0, TestDrivers.inUse(driver), "the connection went back at the end of the stream");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void recordsAlreadyReceivedStartNoTaskOnTheDriversExecutor(Neo4jVersion version) throws Exception {
        CountingExecutor executor = new CountingExecutor();
        int n = 20_000;
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withExecutor(executor).withFetchSize(5_000));
                BlockingSession session = driver.session()) {
            BlockingResult result = session.run("UNWIND range(1, $n) AS i RETURN i", Map.of("n", n));
            long tasksBefore = executor.tasks.get();
            long sum = 0;
            while (result.hasNext()) sum += result.next().getLong("i");
            long tasks = executor.tasks.get() - tasksBefore;
            assertEquals((long) n * (n + 1) / 2, sum);
            // hasNext + next per record used to start two coroutines each (40,000 tasks); now only the reads that
            // wait for bytes from the server (4 batches, a few socket reads each) do.
            assertTrue(tasks < n / 20, "tasks on the driver's executor while reading " + n + " records: " + tasks);

            AsyncSession async = driver.asyncSession();
            AsyncResultCursor cursor = async.runAsync("UNWIND range(1, $n) AS i RETURN i", Map.of("n", n)).get(60, TimeUnit.SECONDS);
            long asyncBefore = executor.tasks.get();
            long count = 0;
            while (cursor.nextAsync().get(60, TimeUnit.SECONDS) != null) count++;
            long asyncTasks = executor.tasks.get() - asyncBefore;
            assertEquals(n, count);
            assertTrue(asyncTasks < n / 20, "tasks on the driver's executor for " + n + " nextAsync calls: " + asyncTasks);
            async.closeAsync().get(60, TimeUnit.SECONDS);
        } finally {
            executor.pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aBlockingQueryStartsOnTheCallingThreadAndUsesTheExecutorOnlyAfterWaiting(Neo4jVersion version) throws Exception {
        CountingExecutor executor = new CountingExecutor();
        int n = 200;
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withExecutor(executor))) {
            try (BlockingSession warm = driver.session()) {
                assertEquals(0L, warm.run("RETURN 0 AS i").single().getLong("i")); // a pooled connection from now on
            }
            long tasksBefore = executor.tasks.get();
            long sum = 0;
            for (int i = 1; i <= n; i++) {
                try (BlockingSession session = driver.session()) {
                    sum += session.run("RETURN $i AS i", Map.of("i", i)).single().getLong("i");
                }
            }
            long perQuery = (executor.tasks.get() - tasksBefore) / n;
            assertEquals((long) n * (n + 1) / 2, sum);
            // run, single and close each started a coroutine on the executor (3 tasks) and the read of the server's
            // answer resumed there (1 more): at least 4 per query. Now the calls start on the calling thread and only
            // the resumption after a socket read (usually one per query) is a task.
            assertTrue(perQuery < 3, "tasks on the driver's executor per run().single() + close: " + perQuery);
        } finally {
            executor.pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void anInterruptedReaderGetsClientExceptionAndLosesNoRecord(Neo4jVersion version) throws Exception {
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withFetchSize(1_000))) {
            CompletableFuture<long[]> outcome = new CompletableFuture<>();
            java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
            Thread reader = BlockingFacadeTest.startThread(() -> {
                try (BlockingSession session = driver.session()) {
                    BlockingResult result = session.run("UNWIND range(1, 100000000) AS i RETURN i");
                    long last = result.next().getLong("i");
                    reading.countDown();
                    Throwable failure = null;
                    try {
                        while (true) last = result.next().getLong("i");
                    } catch (ClientException e) {
                        failure = e;
                    }
                    boolean flagKept = Thread.interrupted(); // cleared, so the session can close normally
                    assertInstanceOf(InterruptedException.class, failure.getCause());
                    // Either nothing was started (a record was ready), or the waiting read was cancelled with
                    // the connection; in the first case the result goes on exactly where it stopped.
                    long after;
                    try {
                        JavaRecord next = result.next();
                        after = next == null ? -1 : next.getLong("i");
                    } catch (BoltException e) {
                        // The interrupt met a read that waited: it was cancelled and its connection closed. The
                        // cancelled read's clean-up runs on the driver's executor after the caller was released, so
                        // this read sees either the abandoned result or the closed transport.
                        after = -2;
                    }
                    outcome.complete(new long[] {last, flagKept ? 1 : 0, after});
                } catch (Throwable e) {
                    outcome.completeExceptionally(e);
                }
            });
            assertTrue(reading.await(60, TimeUnit.SECONDS), "the reader got its first record");
            reader.interrupt();
            long[] seen = outcome.get(60, TimeUnit.SECONDS);
            assertEquals(1, seen[1], "the interrupt flag is kept");
            assertTrue(seen[2] == seen[0] + 1 || seen[2] == -2,
                    "after the interrupt at record " + seen[0] + " the result went on with " + seen[2]
                            + " (expected the next record, or a failure when a waiting read was cancelled)");
            TestDrivers.awaitNoConnectionInUse(driver, Duration.ofSeconds(30));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void anErrorMidStreamComesAfterTheRecordsBeforeItAndAgainOnTheNextRead(Neo4jVersion version) {
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withFetchSize(1_000))) {
            try (BlockingSession session = driver.session()) {
                BlockingResult result = session.run("UNWIND range(1, 5000) AS i RETURN 10 / (i - 4000) AS v, i");
                long read = 0;
                BoltException error = null;
                try {
                    while (true) {
                        JavaRecord r = result.next();
                        if (r == null) break;
                        read++;
                        assertEquals(read, r.getLong("i"), "records arrive in order");
                    }
                } catch (BoltException e) {
                    error = e;
                }
                assertTrue(error != null, "division by zero at row 4000 fails the stream");
                assertTrue(read >= 2_000 && read < 4_000, "rows read before the error: " + read);
                BoltException again = assertThrows(BoltException.class, result::next);
                assertEquals(error.getClass(), again.getClass());
                assertThrows(BoltException.class, result::hasNext);
            }
            assertEquals(0, TestDrivers.inUse(driver));
            assertEquals(1L, driver.executeQuery("RETURN 1 AS one", Map.of()).getRecords().get(0).getLong("one"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void closingTheSessionEarlyConsumesTheResultAndFreesTheConnection(Neo4jVersion version) {
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withFetchSize(100))) {
            BlockingResult result;
            try (BlockingSession session = driver.session()) {
                result = session.run("UNWIND range(1, 100000) AS i RETURN i");
                for (long i = 1; i <= 10; i++) assertEquals(i, result.next().getLong("i"));
                assertEquals(1, TestDrivers.inUse(driver));
            }
            assertEquals(0, TestDrivers.inUse(driver));
            assertThrows(ResultConsumedException.class, result::next, "records buffered before close are not handed out");
            assertThrows(ResultConsumedException.class, result::peek);
            try (BlockingSession session = driver.session()) {
                assertEquals(2L, session.run("RETURN 2 AS two").single().getLong("two"));
            }
        }
    }

    /** Runs tasks on a small pool and counts them. */
    static final class CountingExecutor implements java.util.concurrent.Executor {
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        final AtomicLong tasks = new AtomicLong();

        @Override
        public void execute(Runnable command) {
            tasks.incrementAndGet();
            pool.execute(command);
        }
    }
}

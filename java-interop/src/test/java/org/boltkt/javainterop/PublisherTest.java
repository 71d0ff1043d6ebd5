package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The records as a Flow.Publisher: demand is honoured end to end, down to PULL-n against the server. */
class PublisherTest {
    /** In the streamed query's text but not in the text of the probe that looks for it. */
    private static final String MARKER = "boltkt-publisher" + "-probe";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aSlowSubscriberGetsOnlyWhatItRequestedAndTheServerIsNotDrained(Neo4jVersion version) throws Exception {
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withFetchSize(10))) {
            AsyncSession session = driver.asyncSession();
            AsyncResultCursor cursor = session.runAsync(
                    "UNWIND range(1, $n) AS i RETURN i /* " + MARKER + " */", Map.of("n", 200_000)).get(60, TimeUnit.SECONDS);
            SlowSubscriber subscriber = new SlowSubscriber();
            cursor.records().subscribe(subscriber);
            subscriber.awaitSubscribed();

            for (int k = 1; k <= 35; k++) {
                subscriber.request(1);
                subscriber.awaitDelivered(k);
            }
            Thread.sleep(300); // time for a publisher that ignores demand to over-deliver
            assertEquals(35, subscriber.delivered.get(), "nothing beyond the demand was delivered");
            assertEquals(0, subscriber.maxDeliveredButUnrequested.get(), "onNext was never called without outstanding demand");
            assertEquals(List.of(1L, 2L, 3L), subscriber.values.subList(0, 3));
            assertEquals(35L, subscriber.values.get(34));

            // The server still holds the query open: with PULL 10 only ~4 batches were asked for, not all 200 000 rows.
            long running = driver.executeQuery(
                            "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $m RETURN count(*) AS c",
                            Map.of("m", MARKER))
                    .getRecords().get(0).getLong("c");
            assertEquals(1L, running, "the streaming query is still running on the server: its result was not pulled whole");
            assertNull(subscriber.error.get());

            subscriber.subscription.cancel();
            TestDrivers.awaitNoConnectionInUse(driver, Duration.ofSeconds(30));
            assertEquals(35, subscriber.delivered.get());
            assertEquals(1L, session.runAsync("RETURN 1 AS one").thenCompose(AsyncResultCursor::singleAsync).get().getLong("one"));
            session.closeAsync().get();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void anUnboundedSubscriberReceivesEverythingThenCompletes(Neo4jVersion version) throws Exception {
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withFetchSize(7))) {
            AsyncSession session = driver.asyncSession();
            SlowSubscriber subscriber = new SlowSubscriber();
            session.runAsync("UNWIND range(1, 100) AS i RETURN i").get().records().subscribe(subscriber);
            subscriber.awaitSubscribed();
            subscriber.request(Long.MAX_VALUE);
            assertTrue(subscriber.completed.await(60, TimeUnit.SECONDS));
            assertEquals(100, subscriber.values.size());
            assertEquals(5050L, subscriber.values.stream().mapToLong(Long::longValue).sum());
            session.closeAsync().get();
            assertEquals(0, TestDrivers.inUse(driver));
        }
    }

    /** Requests only when told to; records how far deliveries ever ran ahead of demand. */
    static final class SlowSubscriber implements Flow.Subscriber<JavaRecord> {
        final java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch completed = new java.util.concurrent.CountDownLatch(1);
        final AtomicLong requested = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong maxDeliveredButUnrequested = new AtomicLong();
        final List<Long> values = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        volatile Flow.Subscription subscription;

        @Override public void onSubscribe(Flow.Subscription s) { subscription = s; subscribed.countDown(); }

        @Override public void onNext(JavaRecord record) {
            long over = delivered.incrementAndGet() - requested.get();
            maxDeliveredButUnrequested.accumulateAndGet(over, Math::max);
            values.add(record.getLong("i"));
        }

        @Override public void onError(Throwable t) { error.set(t); completed.countDown(); }

        @Override public void onComplete() { completed.countDown(); }

        void request(long n) {
            requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            subscription.request(n);
        }

        void awaitSubscribed() throws InterruptedException {
            assertTrue(subscribed.await(30, TimeUnit.SECONDS), "onSubscribe was called");
        }

        void awaitDelivered(long n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (delivered.get() < n) {
                if (error.get() != null) throw new AssertionError("publisher failed", error.get());
                if (System.nanoTime() > deadline) throw new AssertionError("only " + delivered.get() + " of " + n + " delivered");
                Thread.sleep(1);
            }
        }
    }
}

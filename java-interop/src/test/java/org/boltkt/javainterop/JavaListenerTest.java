package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.boltkt.client.observe.DriverListener;
import org.boltkt.client.observe.QueryFinished;
import org.boltkt.client.observe.QueryOutcome;
import org.boltkt.client.observe.QueryStarted;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.api.Test;

/**
 * The listener hook from Java: a listener overriding only the method it needs (the others are interface defaults)
 * set on the Java builder sees the queries, and the observability flags pass through to the Kotlin config.
 */
class JavaListenerTest {

    @Test
    void aJavaListenerWithOneMethodSeesEachQuery() {
        List<QueryFinished> finished = new CopyOnWriteArrayList<>();
        DriverListener listener = new DriverListener() {
            @Override
            public void queryFinished(QueryFinished event) {
                finished.add(event);
            }
        };
        try (JavaDriver driver = TestDrivers.open(Neo4jVersion.LTS_5_26, b -> b.withListener(listener))) {
            try (BlockingSession session = driver.session()) {
                assertEquals(7L, session.run("RETURN 7 AS v").single().getLong("v"));
            }
        }
        assertEquals(1, finished.size());
        assertEquals("RETURN 7 AS v", finished.get(0).getStarted().getQuery());
        assertEquals(QueryOutcome.SUCCESS, finished.get(0).getOutcome());
        assertEquals("neo4j", finished.get(0).getDatabase());
        assertTrue(finished.get(0).getDuration().toNanos() > 0);
    }

    /**
     * The facade runs each call on the driver's executor, so a listener reading a thread-local in queryStarted would
     * see the executor thread's. captureCallerContext is called on the Java caller's thread instead, for the
     * blocking and async forms and for queries inside a managed transaction.
     */
    @Test
    void captureCallerContextRunsOnTheJavaCallersThread() throws Exception {
        ThreadLocal<String> current = new ThreadLocal<>();
        List<Object> seen = new CopyOnWriteArrayList<>();
        DriverListener listener = new DriverListener() {
            @Override
            public Object captureCallerContext() {
                return current.get();
            }

            @Override
            public void queryStarted(QueryStarted event) {
                seen.add(event.getCallerContext() + " " + event.getQuery());
            }
        };
        try (JavaDriver driver = TestDrivers.open(Neo4jVersion.LTS_5_26, b -> b.withListener(listener))) {
            current.set("blocking");
            try (BlockingSession session = driver.session()) {
                session.run("RETURN 1").consume();
                session.executeWrite(tx -> tx.run("RETURN 2").consume());
            }
            current.set("async");
            AsyncSession async = driver.asyncSession();
            async.runAsync("RETURN 3").thenCompose(AsyncResultCursor::consumeAsync).get();
            async.closeAsync().get();
            current.remove();
            try (BlockingSession session = driver.session()) {
                session.run("RETURN 4").consume();
            }
        }
        assertEquals(List.of("blocking RETURN 1", "blocking RETURN 2", "async RETURN 3", "null RETURN 4"), seen);
    }

    @Test
    void observabilitySettingsReachTheKotlinConfigAndSurviveToBuilder() {
        JavaDriverConfig defaults = JavaDriverConfig.defaults();
        assertNull(defaults.getListener());
        assertFalse(defaults.getBoltMessageLogging());
        assertFalse(defaults.getLeakedSessionDetection());
        DriverListener listener = new DriverListener() {};
        JavaDriverConfig config = JavaDriverConfig.builder()
                .withListener(listener)
                .withBoltMessageLogging(true)
                .withLeakedSessionDetection(true)
                .build();
        assertSame(listener, config.getKotlinConfig().getListener());
        assertTrue(config.getKotlinConfig().getBoltMessageLogging());
        assertTrue(config.getKotlinConfig().getLeakedSessionDetection());
        JavaDriverConfig copy = config.toBuilder().withFetchSize(10).build();
        assertSame(listener, copy.getListener());
        assertTrue(copy.getBoltMessageLogging());
        assertTrue(copy.getLeakedSessionDetection());
    }
}

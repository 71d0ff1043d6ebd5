package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Leaked-session detection through the Java facade: a {@link BlockingSession} dropped without close() while its
 * result is open is collected (the facade keeps nothing of it), its connection comes back to the pool, and the
 * WARN's stack trace names the Java method that opened it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class JavaLeakedSessionTest {

    @Test
    void aDroppedBlockingSessionIsReportedAndItsConnectionComesBack() throws Exception {
        Recording logger = new Recording();
        try (JavaDriver driver = TestDrivers.open(Neo4jVersion.LTS_5_26,
                b -> b.withFetchSize(2).withLeakedSessionDetection(true).withLogger(logger))) {
            WeakReference<BlockingSession> leaked = openAndDrop(driver);
            assertEquals(1, TestDrivers.inUse(driver));
            await("the dropped session to be collected", () -> {
                System.gc();
                return leaked.get() == null;
            });
            await("its connection to come back", () -> TestDrivers.inUse(driver) == 0);
            try (BlockingSession session = driver.session()) {
                assertEquals(1L, session.run("RETURN 1 AS n").single().getLong("n"));
            }
            assertEquals(0, TestDrivers.inUse(driver));
        }
        List<Line> warnings = logger.at(Level.WARN);
        assertEquals(1, warnings.size(), () -> "WARN lines: " + warnings);
        Throwable openedAt = warnings.get(0).throwable;
        assertNotNull(openedAt);
        assertTrue(Arrays.stream(openedAt.getStackTrace()).anyMatch(f -> f.getMethodName().equals("openAndDrop")),
                () -> "the stack trace names the opening method: " + Arrays.toString(openedAt.getStackTrace()));
    }

    /** Opens a session whose result stays open (10 rows, 2 per batch), reads one row, and drops every reference. */
    private static WeakReference<BlockingSession> openAndDrop(JavaDriver driver) {
        BlockingSession session = driver.session();
        BlockingResult result = session.run("UNWIND range(1, 10) AS n RETURN n");
        assertEquals(1L, result.next().getLong("n"));
        return new WeakReference<>(session);
    }

    /** Polls [condition] (the GC and the cleaner thread work on their own) for up to 30 s. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    record Line(Level level, String message, Throwable throwable) {}

    /** Records every line; all levels enabled. */
    static final class Recording extends AbstractLogger {
        final List<Line> lines = new CopyOnWriteArrayList<>();

        Recording() {
            name = "recording";
        }

        List<Line> at(Level level) {
            return lines.stream().filter(l -> l.level == level).toList();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            Throwable thrown = throwable;
            if (thrown == null && arguments != null && arguments.length > 0 && arguments[arguments.length - 1] instanceof Throwable t) thrown = t;
            lines.add(new Line(level, MessageFormatter.basicArrayFormat(pattern, arguments), thrown));
        }

        @Override public boolean isTraceEnabled() { return true; }
        @Override public boolean isTraceEnabled(Marker marker) { return true; }
        @Override public boolean isDebugEnabled() { return true; }
        @Override public boolean isDebugEnabled(Marker marker) { return true; }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public boolean isInfoEnabled(Marker marker) { return true; }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public boolean isWarnEnabled(Marker marker) { return true; }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public boolean isErrorEnabled(Marker marker) { return true; }
    }
}

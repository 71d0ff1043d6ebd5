package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.boltkt.client.error.BoltException;
import org.boltkt.client.error.IncompleteCommitException;
import org.boltkt.testsupport.faults.ChaosSettings;
import org.boltkt.testsupport.faults.Direction;
import org.boltkt.testsupport.faults.Fault;
import org.boltkt.testsupport.faults.FaultProxy;
import org.boltkt.testsupport.faults.ProcessResources;
import org.boltkt.testsupport.faults.ResourceSampler;
import org.boltkt.testsupport.neo4j.Neo4jServer;
import org.boltkt.testsupport.neo4j.Neo4jTestGuards;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chaos test of {@code client} (ChaosAgainstNeo4jTest) through the Java facade: managed writes through a
 * {@link FaultProxy} that injects a random network fault every 200 ms between the driver and a real Neo4j 5.26.
 * Half the workers use the blocking {@code executeWrite} (the work runs on the calling thread), half
 * {@code executeWriteAsync}. Afterwards, read on the server directly: every success has its node exactly once; a
 * failure that is not an {@link IncompleteCommitException} wrote nothing; every failure is a public
 * {@link BoltException}; no call outlived the driver's bound; no connection in use; threads and file descriptors
 * back to the baseline. {@code -Dboltkt.chaos.seconds}, {@code .workers}, {@code .seed} and {@code .csv} as there.
 */
class JavaChaosTest {
    private static final long SECONDS = Long.getLong("boltkt.chaos.seconds", 15);
    private static final int WORKERS = Integer.getInteger("boltkt.chaos.workers", 20);
    private static final long SEED = Long.getLong("boltkt.chaos.seed", System.nanoTime());
    private static final String CSV = System.getProperty("boltkt.chaos.csv");
    /**
     * The longest a call may take: read and write timeouts shorter than Neo4j's 120 s hint keep every wait short
     * (ChaosSettings: retry time, one backoff, acquisition, five answers).
     */
    private static final Duration CALL_BOUND = Duration.ofMillis(ChaosSettings.callBoundMillis());

    private record Failed(int id, Throwable error) {}

    private static final class Outcomes {
        final List<Integer> committed = new ArrayList<>();
        final List<Failed> failed = new ArrayList<>();
        long slowestMillis;
    }

    @Test
    @Timeout(600)
    void managedWritesThroughTheJavaFacadeUnderRandomFaults() throws Exception {
        Neo4jServer server = Neo4jTestGuards.neo4jServerOrSkip(Neo4jVersion.LTS_5_26);
        String run = UUID.randomUUID().toString();
        assertTrue(CALL_BOUND.compareTo(Duration.ofSeconds(30)) <= 0, "the asserted bound per call is tight: " + CALL_BOUND);
        System.out.println("java chaos seed=" + SEED + " seconds=" + SECONDS + " workers=" + WORKERS + " run=" + run);
        warmUp(server);
        int baselineThreads = ProcessResources.liveThreads();
        int baselineFds = ProcessResources.openFds();
        List<String> baselineNames = ProcessResources.threadNames();
        AtomicLong finished = new AtomicLong();
        ResourceSampler sampler = CSV == null ? null
                : new ResourceSampler(Path.of(CSV), Long.getLong("boltkt.chaos.sampleSeconds", 60) * 1000, finished::get);

        List<Fault> menu = new ArrayList<>(Fault.Companion.getALL());
        menu.remove(new Fault.FlipByte(Direction.TO_SERVER)); // no checksum in Bolt: see the Kotlin test
        List<Outcomes> outcomes = new ArrayList<>();
        try (FaultProxy proxy = new FaultProxy(new InetSocketAddress(server.getHost(), server.getPort()), SEED)) {
            JavaDriver driver = JavaDriver.create("bolt://127.0.0.1:" + proxy.getPort(),
                    JavaAuthTokens.basic(server.getUser(), server.getPassword()),
                    JavaDriverConfig.builder()
                            .withMaxConnectionPoolSize(WORKERS)
                            .withConnectionAcquisitionTimeout(Duration.ofMillis(ChaosSettings.ACQUISITION_MILLIS))
                            .withMaxTransactionRetryTime(Duration.ofMillis(ChaosSettings.RETRY_MILLIS))
                            .withConnectionReadTimeout(Duration.ofMillis(ChaosSettings.IO_MILLIS))
                            .withConnectionWriteTimeout(Duration.ofMillis(ChaosSettings.IO_MILLIS))
                            .build());
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            ScheduledExecutorService windDown = Executors.newSingleThreadScheduledExecutor();
            try {
                proxy.startRandomFaults(200, menu);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
                // After the window every connection is reset each half second, so calls waiting on a stalled or
                // blackholed connection end instead of waiting for a random fault to reach it.
                windDown.scheduleAtFixedRate(() -> proxy.injectAll(Fault.Reset.INSTANCE), SECONDS * 1000, 500, TimeUnit.MILLISECONDS);
                List<Future<Outcomes>> running = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    running.add(workers.submit(() -> work(driver, run, worker, deadline, finished)));
                }
                for (Future<Outcomes> f : running) outcomes.add(f.get(SECONDS + CALL_BOUND.toSeconds() + 60, TimeUnit.SECONDS));
            } finally {
                windDown.shutdownNow();
                workers.shutdownNow();
                proxy.stopRandomFaults();
                proxy.heal();
            }
            Map<String, Integer> faults = new TreeMap<>();
            proxy.getInjected().forEach(f -> faults.merge(f.getFault().toString(), 1, Integer::sum));
            System.out.println("java chaos faults injected: " + faults);
            TestDrivers.awaitNoConnectionInUse(driver, Duration.ofSeconds(15));
            driver.close();
        }
        if (sampler != null) sampler.close();

        Map<Integer, Long> written = countWritten(server, run);
        List<Integer> committed = new ArrayList<>();
        List<Failed> failures = new ArrayList<>();
        long slowest = 0;
        for (Outcomes o : outcomes) {
            committed.addAll(o.committed);
            failures.addAll(o.failed);
            slowest = Math.max(slowest, o.slowestMillis);
        }
        Map<String, Integer> byType = new TreeMap<>();
        failures.forEach(f -> byType.merge(f.error().getClass().getSimpleName(), 1, Integer::sum));
        System.out.println("java chaos outcomes (" + (committed.size() + failures.size()) + " calls): committed="
                + committed.size() + ", failed " + byType + "; slowest " + slowest + " ms");

        assertTrue(!committed.isEmpty(), "some writes succeeded");
        for (Failed f : failures) {
            assertTrue(f.error() instanceof BoltException, () -> "not a public exception: " + f.error());
        }
        assertTrue(slowest <= CALL_BOUND.toMillis(), "slowest call " + slowest + " ms, bound " + CALL_BOUND.toMillis() + " ms");
        for (int id : committed) assertEquals(1L, written.getOrDefault(id, 0L), "committed write " + id + " exactly once");
        for (Failed f : failures) {
            long count = written.getOrDefault(f.id(), 0L);
            if (f.error() instanceof IncompleteCommitException) assertTrue(count <= 1, "write " + f.id() + " twice");
            else assertEquals(0L, count, () -> "write " + f.id() + " failed with " + f.error() + " yet is on the server");
        }
        Set<Integer> known = new HashSet<>(committed);
        failures.forEach(f -> known.add(f.id()));
        assertEquals(committed.size() + failures.size(), known.size(), "every call has its own id");
        assertTrue(known.containsAll(written.keySet()), "no write the callers do not know of");
        ProcessResources.awaitBaseline("threads", baselineThreads, ProcessResources::liveThreads, () -> {
            List<String> now = new ArrayList<>(ProcessResources.threadNames());
            now.removeAll(baselineNames);
            return "new threads: " + now;
        });
        ProcessResources.awaitBaseline("file descriptors", baselineFds, ProcessResources::openFds, () -> "");
    }

    private static Outcomes work(JavaDriver driver, String run, int worker, long deadline, AtomicLong finished) {
        Outcomes mine = new Outcomes();
        boolean blocking = worker % 2 == 0;
        int n = 0;
        while (System.nanoTime() < deadline) {
            int id = worker * 10_000_000 + n++;
            long started = System.nanoTime();
            Map<String, Object> params = Map.of("run", run, "id", id);
            String query = "CREATE (:BoltktJavaChaos {run: $run, id: $id})";
            try {
                if (blocking) {
                    try (BlockingSession s = driver.session()) {
                        s.executeWrite(tx -> tx.run(query, params).consume());
                    }
                } else {
                    AsyncSession s = driver.asyncSession();
                    try {
                        s.executeWriteAsync(tx -> tx.runAsync(query, params).thenCompose(AsyncResultCursor::consumeAsync))
                                .get(CALL_BOUND.toSeconds() + 30, TimeUnit.SECONDS);
                    } finally {
                        s.closeAsync().get(60, TimeUnit.SECONDS);
                    }
                }
                mine.committed.add(id);
            } catch (ExecutionException e) {
                mine.failed.add(new Failed(id, e.getCause()));
            } catch (Exception e) {
                mine.failed.add(new Failed(id, e));
            }
            mine.slowestMillis = Math.max(mine.slowestMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            finished.incrementAndGet();
        }
        return mine;
    }

    private static Map<Integer, Long> countWritten(Neo4jServer server, String run) {
        try (JavaDriver direct = JavaDriver.create(server.getBoltUri().toString(), JavaAuthTokens.basic(server.getUser(), server.getPassword()))) {
            Map<Integer, Long> out = new HashMap<>();
            direct.executeQuery("MATCH (n:BoltktJavaChaos {run: $run}) RETURN n.id AS id, count(*) AS c", Map.of("run", run))
                    .getRecords().forEach(r -> out.put((int) r.getLong("id"), r.getLong("c")));
            return out;
        }
    }

    private static void warmUp(Neo4jServer server) throws Exception {
        try (JavaDriver driver = JavaDriver.create(server.getBoltUri().toString(), JavaAuthTokens.basic(server.getUser(), server.getPassword()),
                JavaDriverConfig.builder().withMaxConnectionPoolSize(WORKERS).build())) {
            List<java.util.concurrent.CompletableFuture<JavaEagerResult>> calls = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) calls.add(driver.executeQueryAsync("RETURN 1"));
            for (var c : calls) c.get(60, TimeUnit.SECONDS);
            // The blocking facade's threads too: the baseline is a process that has used the driver before.
            try (BlockingSession s = driver.session()) {
                s.executeWrite(tx -> tx.run("RETURN 1").consume());
            }
        }
    }
}

package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.boltkt.client.summary.ResultSummary;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Futures chained with thenCompose start their operation on the thread that completed the step before. */
class ChainedStartTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aChainedStepStartsOnTheThreadOfTheStepBeforeInsteadOfAnotherExecutorTask(Neo4jVersion version) throws Exception {
        BlockingIterationTest.CountingExecutor executor = new BlockingIterationTest.CountingExecutor();
        int n = 200;
        try (JavaDriver driver = TestDrivers.open(version, b -> b.withExecutor(executor))) {
            AsyncSession warm = driver.asyncSession();
            warm.runAsync("RETURN 0 AS i").thenCompose(AsyncResultCursor::consumeAsync).thenCompose(s -> warm.closeAsync()).get(60, TimeUnit.SECONDS);
            long tasksBefore = executor.tasks.get();
            long sum = 0;
            for (int i = 1; i <= n; i++) {
                AsyncSession session = driver.asyncSession();
                sum += session.runAsync("RETURN $i AS i", Map.of("i", i))
                        .thenCompose(AsyncResultCursor::singleAsync)
                        .thenCompose(r -> session.closeAsync().thenApply(v -> r.getLong("i")))
                        .get(60, TimeUnit.SECONDS);
            }
            long perQuery = (executor.tasks.get() - tasksBefore) / n;
            assertEquals((long) n * (n + 1) / 2, sum);
            // runAsync, singleAsync and closeAsync each used to be queued to the executor, and the server's answer
            // resumed there once more: at least 4 tasks per query. Now only runAsync (called on the test's thread)
            // and the resumption after the socket read are tasks; singleAsync and closeAsync run where runAsync's
            // future completed.
            assertTrue(perQuery < 3, "tasks on the driver's executor per runAsync + singleAsync + closeAsync: " + perQuery);
            assertEquals(0, TestDrivers.inUse(driver));
        } finally {
            executor.pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aRecursiveChainOfStepsThatNeverWaitDoesNotOverflowTheStack(Neo4jVersion version) throws Exception {
        try (JavaDriver driver = TestDrivers.open(version)) {
            AsyncSession session = driver.asyncSession();
            AsyncResultCursor cursor = session.runAsync("RETURN 1 AS i").get(60, TimeUnit.SECONDS);
            ResultSummary first = cursor.consumeAsync().get(60, TimeUnit.SECONDS);
            // Each consumeAsync of a consumed cursor completes without waiting for the server; begun inside the step
            // before, its future is complete already and the next step runs on the same stack.
            int steps = 50_000;
            ResultSummary last = cursor.consumeAsync().thenCompose(s -> consumeRecursively(cursor, steps)).get(120, TimeUnit.SECONDS);
            assertEquals(first.getQuery().getText(), last.getQuery().getText());
            session.closeAsync().get(60, TimeUnit.SECONDS);
            assertEquals(0, TestDrivers.inUse(driver));
        }
    }

    private static CompletableFuture<ResultSummary> consumeRecursively(AsyncResultCursor cursor, int left) {
        CompletableFuture<ResultSummary> step = cursor.consumeAsync();
        return left == 0 ? step : step.thenCompose(s -> consumeRecursively(cursor, left - 1));
    }
}

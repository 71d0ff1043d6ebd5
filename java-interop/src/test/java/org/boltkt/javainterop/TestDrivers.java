package org.boltkt.javainterop;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.boltkt.client.pool.PoolMetrics;
import org.boltkt.testsupport.neo4j.Neo4jServer;
import org.boltkt.testsupport.neo4j.Neo4jTestGuards;
import org.boltkt.testsupport.neo4j.Neo4jVersion;

/** Opens facade drivers on the shared real servers of test-support (skipping a version that cannot run here). */
final class TestDrivers {
    private TestDrivers() {}

    static JavaDriver open(Neo4jVersion version) {
        return open(version, b -> {});
    }

    static JavaDriver open(Neo4jVersion version, Consumer<JavaDriverConfig.Builder> configure) {
        Neo4jServer server = Neo4jTestGuards.neo4jServerOrSkip(version);
        JavaDriverConfig.Builder builder = JavaDriverConfig.builder();
        configure.accept(builder);
        return JavaDriver.create(
                server.getBoltUri().toString(), JavaAuthTokens.basic(server.getUser(), server.getPassword()), builder.build());
    }

    /** Connections in use over all pools of [driver]. */
    static int inUse(JavaDriver driver) {
        List<PoolMetrics> metrics = driver.metrics();
        return metrics.stream().mapToInt(PoolMetrics::getInUse).sum();
    }

    /** Waits until no connection is in use (cleanup after a cancellation runs after the future completed). */
    static void awaitNoConnectionInUse(JavaDriver driver, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inUse(driver) != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("connections still in use after " + timeout + ": " + driver.metrics());
            }
            Thread.sleep(10);
        }
    }
}

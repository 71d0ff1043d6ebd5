package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.boltkt.client.admin.DatabaseInfo;
import org.boltkt.client.admin.Member;
import org.boltkt.client.admin.SettingInfo;
import org.boltkt.client.admin.TerminationResult;
import org.boltkt.client.admin.TransactionInfo;
import org.boltkt.client.error.DatabaseNotOnlineException;
import org.boltkt.client.error.TransactionTerminatedException;
import org.boltkt.client.error.UnsupportedFeatureException;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code JavaDriver.admin()} from Java against real Neo4j 5.26 and 2026.x Community: blocking and future forms. */
class AdminFacadeTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void listsTransactionsAndTerminatesOneHeldOpenByAnotherSession(Neo4jVersion version) throws Exception {
        String tag = "java-admin-" + UUID.randomUUID();
        try (JavaDriver driver = TestDrivers.open(version); BlockingSession victim = driver.session()) {
            BlockingTransaction tx = victim.beginTransaction(
                    JavaTransactionConfig.builder().withMetadata(Map.of("tag", tag)).build());
            tx.run("RETURN 1 AS n").consume();

            List<TransactionInfo> transactions = driver.admin().transactions();
            TransactionInfo held = transactions.stream()
                    .filter(t -> tag.equals(t.getMetadata().get("tag")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the held transaction is not listed: " + transactions));
            assertTrue(held.getId().startsWith("neo4j-transaction-"), held.getId());
            assertEquals("neo4j", held.getUser());
            assertNotNull(held.getElapsed());

            TerminationResult result = driver.admin().terminateTransactionAsync(held.getId()).get(60, TimeUnit.SECONDS);
            assertTrue(result.getTerminated(), result.toString());

            TransactionTerminatedException failure =
                    assertThrows(TransactionTerminatedException.class, () -> tx.run("RETURN 2 AS n").consume());
            assertFalse(failure.isRetryable());
            tx.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void readsASettingAndListsDatabasesBlockingAndAsync(Neo4jVersion version) throws Exception {
        try (JavaDriver driver = TestDrivers.open(version)) {
            JavaAdmin admin = driver.admin();
            SettingInfo timeout = admin.setting("db.transaction.timeout");
            assertNotNull(timeout);
            assertEquals("0s", timeout.getValue());
            assertNull(admin.settingAsync("no.such.setting").get(60, TimeUnit.SECONDS));

            List<DatabaseInfo> databases = admin.databasesAsync().get(60, TimeUnit.SECONDS);
            DatabaseInfo neo4j = databases.stream().filter(d -> d.getName().equals("neo4j")).findFirst().orElseThrow();
            assertEquals(Boolean.TRUE, neo4j.isDefault());
            assertTrue(neo4j.isOnline());
            admin.waitUntilOnline("neo4j", Duration.ofSeconds(10));
            assertThrows(DatabaseNotOnlineException.class, () -> admin.waitUntilOnline("no-such-db", Duration.ofMillis(500)));

            assertEquals(1, admin.members().size());
            assertFalse(admin.transactions(Member.every()).isEmpty());
            assertEquals("community", admin.server().getEdition());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void enterpriseOnlyOperationsFailWithUnsupportedFeatureException(Neo4jVersion version) {
        try (JavaDriver driver = TestDrivers.open(version)) {
            UnsupportedFeatureException blocking =
                    assertThrows(UnsupportedFeatureException.class, () -> driver.admin().createDatabase("javaadmin"));
            assertEquals("createDatabase", blocking.getOperation());
            assertEquals("community", blocking.getEdition());
            ExecutionException async = assertThrows(
                    ExecutionException.class, () -> driver.admin().stopDatabaseAsync("neo4j").get(60, TimeUnit.SECONDS));
            assertTrue(async.getCause() instanceof UnsupportedFeatureException, String.valueOf(async.getCause()));
        }
    }
}

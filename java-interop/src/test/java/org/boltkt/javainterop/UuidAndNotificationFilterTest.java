package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boltkt.client.NotificationDisabledClassification;
import org.boltkt.client.NotificationFilterConfig;
import org.boltkt.client.NotificationMinimumSeverity;
import org.boltkt.client.error.ClientException;
import org.boltkt.client.summary.Notification;
import org.boltkt.client.summary.NotificationCategory;
import org.boltkt.protocol.version.BoltVersion;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** From Java: UUIDs as {@code java.util.UUID} on Bolt 6.1 (Neo4j 2026.x), and the typed notification filters. */
class UuidAndNotificationFilterTest {

    @Test
    void aUuidRoundTripsAsJavaUtilUuidOnBolt61() {
        UUID id = UUID.randomUUID();
        try (JavaDriver driver = TestDrivers.open(Neo4jVersion.CALVER_2026);
                BlockingSession session = driver.session()) {
            assertEquals(BoltVersion.Companion.getV6_1(), driver.serverInfo().getProtocolVersion());
            JavaRecord row = session.run("RETURN $id AS id, [$id] AS ids", Map.of("id", id)).single();
            assertEquals(id, row.getUuid("id"));
            assertEquals(id, row.getUuid(0));
            assertEquals(List.of(id), row.getObject("ids"));
        }
    }

    @Test
    void aUuidOnAnOlderServerFailsWithAClientErrorNamingTheFix() {
        try (JavaDriver driver = TestDrivers.open(Neo4jVersion.LTS_5_26);
                BlockingSession session = driver.session()) {
            ClientException error = assertThrows(ClientException.class,
                    () -> session.run("RETURN $id AS id", Map.of("id", UUID.randomUUID())).consume());
            assertFalse(error.isRetryable());
            assertTrue(error.getMessage().contains("UUID values need Bolt 6.1 or later"), error.getMessage());
            assertEquals(1L, session.run("RETURN 1 AS one").single().getLong("one"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Neo4jVersion.class)
    void aDriverFilterBuiltInJavaSuppressesTheUnknownLabelWarning(Neo4jVersion version) {
        String query = "EXPLAIN MATCH (n:BoltktNoSuchLabel) RETURN n";
        try (JavaDriver plain = TestDrivers.open(version);
                BlockingSession session = plain.session()) {
            List<Notification> notifications = session.run(query).consume().getNotifications();
            assertTrue(notifications.stream().anyMatch(n -> n.getCategory() == NotificationCategory.UNRECOGNIZED), notifications.toString());
        }
        NotificationFilterConfig filter = new NotificationFilterConfig(
                NotificationMinimumSeverity.INFORMATION, EnumSet.of(NotificationDisabledClassification.UNRECOGNIZED));
        try (JavaDriver filtered = TestDrivers.open(version, b -> b.withNotificationFilter(filter));
                BlockingSession session = filtered.session()) {
            assertEquals(filter, filtered.getConfig().getNotificationFilter());
            List<Notification> notifications = session.run(query).consume().getNotifications();
            assertTrue(notifications.stream().noneMatch(n -> n.getCategory() == NotificationCategory.UNRECOGNIZED), notifications.toString());
        }
        JavaSessionConfig off = JavaSessionConfig.builder().withNotificationFilter(NotificationFilterConfig.DISABLE_ALL).build();
        try (JavaDriver driver = TestDrivers.open(version);
                BlockingSession session = driver.session(off)) {
            assertEquals(List.of(), session.run(query).consume().getNotifications());
        }
    }
}

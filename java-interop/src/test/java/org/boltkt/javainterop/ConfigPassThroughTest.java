package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.boltkt.client.HandshakeMode;
import org.boltkt.client.Ticker;
import org.boltkt.client.error.BoltException;
import org.boltkt.client.error.ServiceUnavailableException;
import org.boltkt.testsupport.neo4j.Neo4jServer;
import org.boltkt.testsupport.neo4j.Neo4jTestGuards;
import org.boltkt.testsupport.neo4j.Neo4jVersion;
import org.junit.jupiter.api.Test;

/**
 * Settings made on the Java builder reach the Kotlin driver. The facade once copied settings one by one and
 * silently dropped the newer ones (retry classifier, encryption, trust, client certificate); these tests fail if a
 * setting is lost on the way again.
 */
class ConfigPassThroughTest {

    @Test
    void retryClassifierFromTheJavaBuilderDecidesRetries() {
        AtomicInteger attempts = new AtomicInteger();
        try (JavaDriver driver = TestDrivers.open(Neo4jVersion.LTS_5_26,
                b -> b.withRetryClassifier(e -> e instanceof IllegalStateException))) {
            try (BlockingSession session = driver.session()) {
                long value = session.executeWrite(tx -> {
                    if (attempts.incrementAndGet() == 1) throw new IllegalStateException("first attempt fails");
                    return tx.run("RETURN 7 AS v").single().getLong("v");
                });
                assertEquals(7L, value);
            }
        }
        assertEquals(2, attempts.get(), "the builder's classifier must have allowed one retry");
    }

    @Test
    void encryptedFromTheJavaBuilderIsHonoured() {
        try (JavaDriver driver = TestDrivers.open(Neo4jVersion.LTS_5_26, b -> b.withEncrypted(true))) {
            BoltException error = assertThrows(BoltException.class, driver::verifyConnectivity);
            assertTrue(String.valueOf(error.getMessage()).contains("does not speak TLS"),
                    "expected the plain-text server to be reported as not speaking TLS, got: " + error.getMessage());
        }
    }

    @Test
    void telemetryDisabledFromTheJavaBuilderReachesTheKotlinConfigAndSurvivesToBuilder() {
        assertEquals(false, JavaDriverConfig.defaults().getKotlinConfig().getTelemetryDisabled());
        JavaDriverConfig disabled = JavaDriverConfig.builder().withTelemetryDisabled(true).build();
        assertEquals(true, disabled.getKotlinConfig().getTelemetryDisabled());
        assertEquals(true, disabled.getTelemetryDisabled());
        assertEquals(true, disabled.toBuilder().withFetchSize(10).build().getKotlinConfig().getTelemetryDisabled());
    }

    @Test
    void fetchAheadFromTheJavaBuilderReachesTheKotlinConfigAndSurvivesToBuilder() {
        assertEquals(true, JavaDriverConfig.defaults().getKotlinConfig().getFetchAhead());
        JavaDriverConfig strict = JavaDriverConfig.builder().withFetchAhead(false).build();
        assertEquals(false, strict.getKotlinConfig().getFetchAhead());
        assertEquals(false, strict.getFetchAhead());
        assertEquals(false, strict.toBuilder().withFetchSize(10).build().getKotlinConfig().getFetchAhead());
    }

    @Test
    void fetchSizeGrowthFromTheJavaBuilderReachesTheKotlinConfigAndSurvivesToBuilder() {
        assertEquals(8, JavaDriverConfig.defaults().getKotlinConfig().getFetchSizeGrowth());
        JavaDriverConfig fixed = JavaDriverConfig.builder().withFetchSizeGrowth(1).build();
        assertEquals(1, fixed.getKotlinConfig().getFetchSizeGrowth());
        assertEquals(1, fixed.getFetchSizeGrowth());
        assertEquals(1, fixed.toBuilder().withFetchSize(10).build().getKotlinConfig().getFetchSizeGrowth());
    }

    @Test
    void handshakeModeFromTheJavaBuilderReachesTheKotlinConfigAndSurvivesToBuilder() {
        assertEquals(HandshakeMode.AUTO, JavaDriverConfig.defaults().getKotlinConfig().getHandshake());
        JavaDriverConfig legacy = JavaDriverConfig.builder().withHandshake(HandshakeMode.LEGACY).build();
        assertEquals(HandshakeMode.LEGACY, legacy.getKotlinConfig().getHandshake());
        assertEquals(HandshakeMode.LEGACY, legacy.getHandshake());
        assertEquals(HandshakeMode.LEGACY, legacy.toBuilder().withFetchSize(10).build().getKotlinConfig().getHandshake());
    }

    @Test
    void readAndWriteTimeoutsFromTheJavaBuilderReachTheKotlinConfigAndSurviveToBuilder() {
        JavaDriverConfig defaults = JavaDriverConfig.defaults();
        assertEquals(java.time.Duration.ofMinutes(15), defaults.getConnectionReadTimeout());
        assertEquals(java.time.Duration.ofMinutes(2), defaults.getConnectionWriteTimeout());
        JavaDriverConfig config = JavaDriverConfig.builder()
                .withConnectionReadTimeout(java.time.Duration.ofSeconds(7))
                .withConnectionWriteTimeout(java.time.Duration.ofSeconds(3))
                .build();
        assertEquals(java.time.Duration.ofSeconds(7), config.getConnectionReadTimeout());
        assertEquals(java.time.Duration.ofSeconds(3), config.getConnectionWriteTimeout());
        JavaDriverConfig copied = config.toBuilder().withFetchSize(10).build();
        assertEquals(java.time.Duration.ofSeconds(7), copied.getConnectionReadTimeout());
        assertEquals(java.time.Duration.ofSeconds(3), copied.getConnectionWriteTimeout());
        assertThrows(org.boltkt.client.error.ConfigurationException.class,
                () -> JavaDriverConfig.builder().withConnectionReadTimeout(java.time.Duration.ZERO).build());
    }

    @Test
    void tickerFromTheJavaBuilderReachesTheKotlinConfigAndSurvivesToBuilder() {
        assertSame(Ticker.SYSTEM, JavaDriverConfig.defaults().getKotlinConfig().getTicker());
        Ticker frozen = () -> 42L;
        JavaDriverConfig config = JavaDriverConfig.builder().withTicker(frozen).build();
        assertSame(frozen, config.getKotlinConfig().getTicker());
        assertSame(frozen, config.getTicker());
        assertSame(frozen, config.toBuilder().withFetchSize(10).build().getKotlinConfig().getTicker());
    }

    @Test
    void domainNameResolverFromTheJavaBuilderReplacesDns() {
        Neo4jServer server = Neo4jTestGuards.neo4jServerOrSkip(Neo4jVersion.LTS_5_26);
        URI real = server.getBoltUri();
        String invented = "bolt://no-such-host.invalid:" + real.getPort();
        List<String> asked = new CopyOnWriteArrayList<>();
        JavaDomainNameResolver resolver = name -> {
            asked.add(name);
            return List.of(InetAddress.getByName(real.getHost()));
        };
        JavaDriverConfig config = JavaDriverConfig.builder().withDomainNameResolver(resolver).build();
        assertSame(resolver, config.getDomainNameResolver());
        assertSame(resolver, config.toBuilder().withFetchSize(10).build().getDomainNameResolver());
        try (JavaDriver driver = JavaDriver.create(invented, JavaAuthTokens.basic(server.getUser(), server.getPassword()), config)) {
            driver.verifyConnectivity();
        }
        assertEquals(List.of("no-such-host.invalid"), asked);
    }

    @Test
    void aDomainNameResolverThatThrowsIsAConnectFailureNamingTheHost() {
        Neo4jServer server = Neo4jTestGuards.neo4jServerOrSkip(Neo4jVersion.LTS_5_26);
        String invented = "bolt://no-such-host.invalid:" + server.getBoltUri().getPort();
        JavaDriverConfig config = JavaDriverConfig.builder()
                .withDomainNameResolver(name -> { throw new UnknownHostException("unknown to the test: " + name); })
                .build();
        try (JavaDriver driver = JavaDriver.create(invented, JavaAuthTokens.basic(server.getUser(), server.getPassword()), config)) {
            ServiceUnavailableException error = assertThrows(ServiceUnavailableException.class, driver::verifyConnectivity);
            assertTrue(String.valueOf(error.getMessage()).contains("unknown to the test: no-such-host.invalid"),
                    "expected the resolver's failure in the message, got: " + error.getMessage());
        }
    }
}

package org.boltkt.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.facade.ExternalDependencies;
import org.neo4j.harness.internal.InProcessNeo4jBuilder;

/**
 * Runs one real Neo4j (neo4j-harness, in-process in <em>this</em> child JVM) for a test run.
 *
 * <p>Compiled against the 5.26 harness with {@code --release 17}; the same class runs on the 2026.x classpath,
 * whose harness API is unchanged for what is used here.
 *
 * <p>Arguments: {@code <work-dir> <ready-file> <password> [setting=value ...]}. Once Bolt listens, the ready file
 * is written atomically with {@code bolt=host:port} and {@code version=...}. The server stops when standard input
 * reaches end of file: the parent closes it, or the parent died and the pipe closed with it. That is what keeps a
 * killed test JVM from leaving a Neo4j behind.
 */
public final class Neo4jServerMain {
    private Neo4jServerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Neo4jServerMain <work-dir> <ready-file> <password> [setting=value ...]");
            System.exit(2);
        }
        Path workDir = Path.of(args[0]);
        Path readyFile = Path.of(args[1]);
        String password = args[2];
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                System.err.println("setting without '=': " + args[i]);
                System.exit(2);
            }
            raw.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }

        Files.createDirectories(workDir);
        Map<Setting<Object>, Object> sslPolicy = sslPolicySettings(raw);
        Neo4jBuilder builder = new InProcessNeo4jBuilder(workDir) {
                    /**
                     * The harness forces its own Bolt SSL policy (self-signed certificate directory, trust_all=true,
                     * client_auth=NONE) whenever Bolt TLS is on, after the caller's settings: put the caller's
                     * dbms.ssl.policy.* settings back so tests can require client certificates.
                     */
                    @Override
                    protected DatabaseManagementService createNeo(Config config, ExternalDependencies dependencies) {
                        if (sslPolicy.isEmpty()) return super.createNeo(config, dependencies);
                        Config.Builder restored = Config.newBuilder().fromConfig(config);
                        sslPolicy.forEach(restored::set);
                        return super.createNeo(restored.build(), dependencies);
                    }
                }
                .withDisabledServer()
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0));
        builder = applyRawSettings(builder, raw);

        Neo4j neo4j = builder.build();
        try {
            setPassword(neo4j, password);
            String version = neo4j.defaultDatabaseService()
                    .executeTransactionally(
                            "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                            Map.of(),
                            result -> String.valueOf(result.next().get("v")));
            writeReadyFile(readyFile, neo4j.boltURI().getAuthority(), version);
            System.out.println("boltkt test server ready: bolt://" + neo4j.boltURI().getAuthority() + " Neo4j " + version);
            System.out.flush();
            drain(System.in);
        } finally {
            System.out.println("boltkt test server stopping");
            neo4j.close();
        }
        System.exit(0);
    }

    /**
     * Sets the {@code neo4j} user's password. A store kept from an earlier run (a server restarted after a crash,
     * {@code server.directories.data} set) already has it, and Neo4j refuses to set the same password again.
     */
    private static void setPassword(Neo4j neo4j, String password) {
        try {
            neo4j.databaseManagementService()
                    .database("system")
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("cannot be the same")) return;
            }
            throw e;
        }
    }

    /** The caller's {@code dbms.ssl.policy.*} settings, parsed. */
    private static Map<Setting<Object>, Object> sslPolicySettings(Map<String, String> raw) {
        Map<Setting<Object>, Object> out = new LinkedHashMap<>();
        if (raw.isEmpty()) return out;
        Config parsed = Config.newBuilder().setRaw(raw).build();
        Map<String, Setting<Object>> declared = parsed.getDeclaredSettings();
        for (String name : raw.keySet()) {
            if (name.startsWith("dbms.ssl.policy.") && declared.containsKey(name)) {
                out.put(declared.get(name), parsed.get(declared.get(name)));
            }
        }
        return out;
    }

    /** Parses string settings with Neo4j's own parser so that any setting, including group settings, can be passed. */
    private static Neo4jBuilder applyRawSettings(Neo4jBuilder builder, Map<String, String> raw) {
        if (raw.isEmpty()) {
            return builder;
        }
        Config parsed = Config.newBuilder().setRaw(raw).build();
        Map<String, Setting<Object>> declared = parsed.getDeclaredSettings();
        for (String name : raw.keySet()) {
            Setting<Object> setting = declared.get(name);
            if (setting == null) {
                throw new IllegalArgumentException("Unknown Neo4j setting: " + name);
            }
            builder = builder.withConfig(setting, parsed.get(setting));
        }
        return builder;
    }

    private static void writeReadyFile(Path readyFile, String authority, String version) throws IOException {
        Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
        String text = "bolt=" + authority + "\nversion=" + version + "\n";
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // The parent never writes; we only wait for end of file.
        }
    }
}

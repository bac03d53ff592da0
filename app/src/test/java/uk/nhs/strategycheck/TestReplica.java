package uk.nhs.strategycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The test primary (127.0.0.1:25432) and its hot-standby replica (25433), started with
 * infra/cluster/test-replica.sh before the Spring context and stopped when the test run ends; the
 * application reads from the replica through a {@link DatabaseProxy}, so a test can take it away
 * and give it back.
 */
public final class TestReplica implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE = "dsc_test_replica";
    private static final int PRIMARY_PORT = 25432;
    private static final int REPLICA_PORT = 25433;
    private static final Duration SCRIPT_PATIENCE = Duration.ofSeconds(120);

    private static DatabaseProxy proxy;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("the test replica", Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + PRIMARY_PORT + "/" + DATABASE,
                "spring.liquibase.drop-first", "true",
                "dsc.replica.host", "127.0.0.1",
                "dsc.replica.port", String.valueOf(proxy.port()))));
    }

    private static synchronized void start() {
        if (proxy != null) {
            return;
        }
        script("start");
        // Both servers go when the test run ends; their data stays for the next run.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> script("stop"), "test replica stop"));
        try {
            proxy = DatabaseProxy.startedInFrontOf(new InetSocketAddress("127.0.0.1", REPLICA_PORT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void script(String command) {
        try {
            var script = script();
            var process = new ProcessBuilder("bash", script.toString(), command)
                    .directory(script.getParent().getParent().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            process.environment().put("DSC_TEST_DB_NAME", DATABASE);
            var running = process.start();
            if (!running.waitFor(SCRIPT_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                running.destroyForcibly();
                throw new IllegalStateException("test-replica.sh " + command + " took over " + SCRIPT_PATIENCE);
            }
            var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (running.exitValue() != 0) {
                throw new IllegalStateException("test-replica.sh " + command + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path script() {
        for (var directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            var script = directory.resolve("infra/cluster/test-replica.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("infra/cluster/test-replica.sh not found above " + Path.of("").toAbsolutePath());
    }

    /** The proxy between the application and the replica. */
    public static DatabaseProxy proxy() {
        return proxy;
    }

    /** The replica as the superuser, directly (not through the proxy): to pause and resume its replay. */
    public static Connection replicaAsSuperuser() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + REPLICA_PORT + "/" + DATABASE, "postgres", "");
    }

    /** Waits until the replica has replayed everything the primary has written so far. */
    public static void awaitReplayed() throws SQLException, InterruptedException {
        String position;
        try (var primary = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PRIMARY_PORT + "/" + DATABASE,
                "postgres", "")) {
            position = TestDatabase.text(primary, "select pg_current_wal_lsn()::text");
        }
        var deadline = Instant.now().plusSeconds(30);
        try (var replica = replicaAsSuperuser(); var replayed = replica.prepareStatement(
                "select pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            replayed.setString(1, position);
            while (true) {
                try (var result = replayed.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The replica has not replayed " + position + " within 30 s");
                }
                Thread.sleep(20);
            }
        }
    }
}

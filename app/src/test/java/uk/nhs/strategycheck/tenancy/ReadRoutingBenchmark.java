package uk.nhs.strategycheck.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.strategycheck.ReplicaTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.TestReplica;

/**
 * A benchmark, not a test: what routing adds to a read. It prints the time of the replica's
 * "have you replayed my write yet" check and of the primary's WAL position read after each
 * read-write commit, each alone on a plain connection as the application role, and of a whole
 * trivial transaction through the router: read-only for a user with a recent write (scope
 * entered, the check), read-write (scope entered, the position read after commit), and
 * read-only with no user (neither). Asserts nothing about the figures.
 *
 * <p>Excluded from {@code ./mvnw verify}; run it with
 * {@code ./mvnw -pl app test -Dtest=ReadRoutingBenchmark -Dgroups=benchmark -DexcludedGroups=none}.
 * {@code -Dbenchmark.warmup} and {@code -Dbenchmark.iterations} change the 50 warm-up and 500
 * measured runs.
 */
@ReplicaTest
@Tag("benchmark")
class ReadRoutingBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 50);
    private static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 500);

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    SignIn signIn;
    @Autowired
    TestDatabase database;

    @Test
    void whatRoutingAddsToARead() throws Exception {
        TestReplica.awaitReplayed();
        String position;
        try (var primary = database.asApplication()) {
            position = TestDatabase.text(primary, "select pg_current_wal_insert_lsn()::text");
            print("primary: WAL insert position after a commit", time(() -> TestDatabase.text(primary,
                    "select pg_current_wal_insert_lsn()::text")));
        }
        try (var replica = replicaAsApplication(); var check = replica.prepareStatement(
                "select not pg_is_in_recovery() or pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            check.setString(1, position);
            print("replica: replayed-my-write check", time(() -> {
                try (var result = check.executeQuery()) {
                    result.next();
                    return result.getBoolean(1);
                }
            }));
        }

        signIn.as("ics.leader@demo.example");
        var jdbc = new JdbcTemplate(dataSource);
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> jdbc.queryForObject("select 1", Integer.class));
        TestReplica.awaitReplayed();
        print("read-only transaction on the replica (scope, check, select 1)", time(() -> readOnly.execute(status ->
                jdbc.queryForObject("select 1", Integer.class))));
        print("read-write transaction on the primary (scope, select 1, position after commit)", time(() ->
                new TransactionTemplate(transactions).execute(status -> jdbc.queryForObject("select 1", Integer.class))));
        signIn.out();
        print("read-only transaction on the replica without a user (no scope, no check, select 1)", time(() ->
                readOnly.execute(status -> jdbc.queryForObject("select 1", Integer.class))));
        signIn.out();
    }

    private static Connection replicaAsApplication() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + TestReplica.proxy().port() + "/"
                + TestReplica.DATABASE, "dsc_app", "dsc_app");
    }

    private static long[] time(Callable<?> work) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            work.call();
        }
        var nanos = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            long started = System.nanoTime();
            work.call();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void print(String what, long[] sorted) {
        System.out.println(String.format(Locale.UK, "ROUTING BENCHMARK %-80s p50 %6.3f ms  p95 %6.3f ms  (%d runs)", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted.length));
    }
}

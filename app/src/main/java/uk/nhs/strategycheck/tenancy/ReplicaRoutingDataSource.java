package uk.nhs.strategycheck.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The primary's pool, and beside it a pool on a streaming replica that read-only transactions
 * use. Anything else (read-write transactions, and work outside a transaction, such as sign-in's
 * security-definer calls) gets a connection to the primary. The transaction manager says what a
 * transaction is and whose it is ({@link #begin}) while it fetches the connection.
 *
 * <p>A read-only transaction falls back to the primary when the replica gives no connection
 * within its short timeout (and the replica is then left alone for {@link #DOWN_FOR_NANOS}, so
 * users do not each wait for the timeout), and when the replica has not yet replayed the user's
 * own latest write ({@link WritePositions}). Counted in {@code dsc.reads} by target and reason.
 */
class ReplicaRoutingDataSource extends DelegatingDataSource implements AutoCloseable {

    static final long DOWN_FOR_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRoutingDataSource.class);

    /** What the transaction being begun on this thread is; absent outside the transaction manager's doBegin. */
    private static final ThreadLocal<Transaction> BEGINNING = new ThreadLocal<>();

    /** A transaction being begun, and where its connection came from and why. */
    private static final class Transaction {
        private final boolean readOnly;
        private final Optional<CurrentScope> scope;
        private boolean primaryOnly;
        private String target;
        private String reason;

        private Transaction(boolean readOnly, Optional<CurrentScope> scope) {
            this.readOnly = readOnly;
            this.scope = scope;
        }

        private Connection from(Connection connection, String target, String reason) {
            this.target = target;
            this.reason = reason;
            return connection;
        }
    }

    private final HikariDataSource primary;
    private final HikariDataSource replica;
    private final WritePositions writes;
    private final MeterRegistry meters;
    private final AtomicBoolean replicaUp = new AtomicBoolean(true);
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long downUntil;

    ReplicaRoutingDataSource(HikariDataSource primary, HikariDataSource replica, WritePositions writes, MeterRegistry meters) {
        super(primary);
        this.primary = primary;
        this.replica = replica;
        this.writes = writes;
        this.meters = meters;
    }

    /**
     * Runs the transaction manager's doBegin, during which {@link #getConnection()} routes for this
     * transaction. A replica connection that fails while the transaction begins (a pooled
     * connection the replica's going away has broken) is given up for the primary's.
     */
    void begin(boolean readOnly, Optional<CurrentScope> scope, Runnable doBegin) {
        var transaction = new Transaction(readOnly, scope);
        BEGINNING.set(transaction);
        try {
            try {
                doBegin.run();
            } catch (CannotCreateTransactionException failed) {
                if (!"replica".equals(transaction.target) || !lostConnection(failed)) {
                    throw failed;
                }
                markDown(failed.getMostSpecificCause());
                transaction.primaryOnly = true;
                doBegin.run();
            }
            if (transaction.target != null) {
                meters.counter("dsc.reads", "target", transaction.target, "reason", transaction.reason).increment();
            }
        } finally {
            BEGINNING.remove();
        }
    }

    /** Whether the failure is the connection's (SQLSTATE class 08), not the statement's, which the primary would fail too. */
    private static boolean lostConnection(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Remembers where the primary's WAL stands just after a user's read-write transaction
     * committed on this connection. The insert position includes the commit record whatever
     * synchronous_commit says; the write position may not yet with synchronous_commit off.
     */
    void committed(CurrentScope scope, Connection connection) {
        try {
            writes.remember(scope.userId(), scope.scopeToken(), currentPosition(connection));
        } catch (SQLException e) {
            // The commit stands; without a position, the user's next reads go to the primary until one is known.
            writes.forget(scope.userId());
            LOG.warn("Could not read the primary's WAL position after a commit: {}", e.getMessage());
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        var transaction = BEGINNING.get();
        if (transaction == null || !transaction.readOnly) {
            return primary.getConnection();
        }
        if (transaction.primaryOnly) {
            return transaction.from(primary.getConnection(), "primary", "replica_down");
        }
        var scope = transaction.scope;
        if (scope.isPresent() && !writes.knows(scope.get().userId(), scope.get().scopeToken())) {
            // A token new to this instance was issued at sign-in on the primary, moments ago perhaps.
            var connection = primary.getConnection();
            try {
                writes.remember(scope.get().userId(), scope.get().scopeToken(), currentPosition(connection));
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return transaction.from(connection, "primary", "own_write");
        }
        if (!mayTryReplica()) {
            return transaction.from(primary.getConnection(), "primary", "replica_down");
        }
        Connection connection;
        try {
            connection = replica.getConnection();
        } catch (SQLException unavailable) {
            markDown(unavailable);
            return transaction.from(primary.getConnection(), "primary", "replica_down");
        } finally {
            probing.set(false);
        }
        var pending = scope.flatMap(s -> writes.pending(s.userId()));
        if (pending.isPresent()) {
            boolean caughtUp;
            try {
                caughtUp = replayed(connection, pending.get());
            } catch (SQLException broken) {
                connection.close();
                markDown(broken);
                return transaction.from(primary.getConnection(), "primary", "replica_down");
            }
            if (!caughtUp) {
                connection.close();
                return transaction.from(primary.getConnection(), "primary", "own_write");
            }
        }
        if (replicaUp.compareAndSet(false, true)) {
            LOG.info("The read replica is back: read-only transactions use it again");
        }
        return transaction.from(connection, "replica", "read_only");
    }

    /** Outside a recent failure, or one caller at a time once it is over, so only one waits for the timeout. */
    private boolean mayTryReplica() {
        if (replicaUp.get()) {
            return true;
        }
        return System.nanoTime() - downUntil >= 0 && probing.compareAndSet(false, true);
    }

    private void markDown(Throwable cause) {
        downUntil = System.nanoTime() + DOWN_FOR_NANOS;
        if (replicaUp.compareAndSet(true, false)) {
            LOG.warn("The read replica failed ({}): read-only transactions use the primary, trying it again every {} s",
                    cause.getMessage(), TimeUnit.NANOSECONDS.toSeconds(DOWN_FOR_NANOS));
        }
    }

    private static String currentPosition(Connection primary) throws SQLException {
        try (var statement = primary.createStatement(); var result = statement.executeQuery("select pg_current_wal_insert_lsn()::text")) {
            result.next();
            return result.getString(1);
        }
    }

    /** Whether the server has replayed the position; a server not in recovery (a primary behind the address) has. */
    private static boolean replayed(Connection replica, String position) throws SQLException {
        try (PreparedStatement statement = replica.prepareStatement(
                "select not pg_is_in_recovery() or pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            statement.setString(1, position);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        replica.close();
        primary.close();
    }
}

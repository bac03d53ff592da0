package uk.nhs.strategycheck.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which database failures pass, and how often work is tried again after them. */
class TransientFailuresTest {

    private final TransientFailures failures = new TransientFailures(3, Duration.ofMillis(1), Duration.ofSeconds(5));

    @Test
    void failuresOfAFailoverPassAndOthersDoNot() {
        assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        for (var state : new String[] {"08006", "08003", "57P01", "57P02", "57P03", "40001", "25006"}) {
            assertThat(TransientFailures.isTransient(new UncategorizedSQLException("save", "update",
                    new SQLException("failed", state)))).as(state).isTrue();
        }
        assertThat(TransientFailures.isTransient(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).as("a rollback on a connection that broke").isTrue();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("frozen",
                new SQLException("frozen", "23514")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void transientFailuresAreTriedAgainThenReported() {
        var tries = new AtomicInteger();
        var retries = new AtomicInteger();

        var result = failures.retry("work", () -> {
            if (tries.incrementAndGet() < 3) {
                throw new UncategorizedSQLException("save", "update", new SQLException("terminating connection", "57P01"));
            }
            return "done";
        }, retries::incrementAndGet);

        assertThat(result).isEqualTo("done");
        assertThat(retries).hasValue(2);
        assertThatThrownBy(() -> failures.retry("work", () -> {
            throw new UncategorizedSQLException("save", "update", new SQLException("connection refused", "08001"));
        }, () -> { })).isInstanceOf(TransientFailures.StillFailing.class);
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        var tries = new AtomicInteger();

        assertThatThrownBy(() -> failures.retry("work", () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("a bug");
        }, () -> { })).isInstanceOf(IllegalStateException.class);
        assertThat(tries).hasValue(1);
    }
}

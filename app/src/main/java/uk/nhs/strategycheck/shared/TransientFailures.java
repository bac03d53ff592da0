package uk.nhs.strategycheck.shared;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Runs a piece of database work again when it failed for a reason that passes: the connection was
 * cut or could not be had (a failover, a restart of PostgreSQL), the server is shutting down, the
 * transaction met a serialization failure, or it reached a node that has just become a read-only
 * replica. The work must be a whole transaction, so each attempt starts afresh on a new
 * connection; it must also recognise a commit that happened although its acknowledgement was
 * lost. A few attempts with a short pause between them, and none once the time allowed
 * has passed, so the user is not kept waiting long; after that the caller is told it still fails.
 */
@Component
public class TransientFailures {

    /** The work failed each time it was tried, for a reason that passes; the last failure is its cause. */
    public static final class StillFailing extends RuntimeException {
        StillFailing(String what, int attempts, RuntimeException last) {
            super(what + " failed " + attempts + " times for a reason that passes", last);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TransientFailures.class);

    /**
     * SQLStates that say the server or the connection went away, or the transaction may simply
     * be tried again: admin shutdown, crash shutdown, cannot connect now, serialization failure,
     * deadlock, read-only transaction (a demoted leader) and too many connections.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "25006",
            "53300");

    private final int attempts;
    private final Duration firstPause;
    private final Duration timeAllowed;

    TransientFailures(@Value("${dsc.database.retry.attempts:3}") int attempts,
                      @Value("${dsc.database.retry.first-pause:250ms}") Duration firstPause,
                      @Value("${dsc.database.retry.time-allowed:8s}") Duration timeAllowed) {
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.timeAllowed = timeAllowed;
    }

    /** The work's result, trying it again (and telling onRetry) after each transient failure. */
    public <T> T retry(String what, Supplier<T> work, Runnable onRetry) {
        long giveUpAt = System.nanoTime() + timeAllowed.toNanos();
        var pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException failure) {
                if (!isTransient(failure)) {
                    throw failure;
                }
                if (attempt >= attempts || System.nanoTime() + pause.toNanos() >= giveUpAt) {
                    LOG.warn("{}: attempt {} failed, giving up for now: {}", what, attempt, failure.toString());
                    throw new StillFailing(what, attempt, failure);
                }
                LOG.warn("{}: attempt {} failed, trying again in {} ms: {}", what, attempt, pause.toMillis(),
                        failure.toString());
                sleep(pause);
                pause = pause.multipliedBy(2);
                onRetry.run();
            }
        }
    }

    /** Whether the failure, or anything that caused it, says the database was unavailable for a moment. */
    public static boolean isTransient(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // A transaction that could not begin, or whose commit or rollback failed: the connection
            // broke. Trying the whole transaction again is safe (a commit that did happen is
            // recognised by the work itself) and a failure of the work recurs.
            if (cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try again", e);
        }
    }
}

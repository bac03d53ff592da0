package uk.nhs.strategycheck.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many password checks run at once. Each one is a bcrypt in PostgreSQL that holds a
 * pooled connection and a core for tens of milliseconds, so an unbounded burst of sign-ins took
 * the pool and the processor from everyone already signed in. A check waits for its turn, fairly,
 * and is refused as busy only if the wait runs out.
 */
class PasswordChecks {

    private final Semaphore turns;
    private final long waitMillis;

    PasswordChecks(int atOnce, Duration wait) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("At least one password check must be allowed at once, not " + atOnce);
        }
        this.turns = new Semaphore(atOnce, true);
        this.waitMillis = wait.toMillis();
    }

    <T> T check(Supplier<T> check) {
        try {
            if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new SignInBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInBusyException();
        }
        try {
            return check.get();
        } finally {
            turns.release();
        }
    }
}

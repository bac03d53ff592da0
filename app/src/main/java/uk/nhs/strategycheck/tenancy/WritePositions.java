package uk.nhs.strategycheck.tenancy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Where the primary's WAL stood after each user's latest write (a committed read-write
 * transaction, or the sign-in that issued their scope token), so their reads wait for a replica
 * that has replayed it. Kept in this instance's memory only: each user's session stays on one
 * instance. A position matters for {@link #RELEVANT_FOR} (a replica further behind than that is
 * not worth reading from anyway); the user and their token are remembered for longer, up to
 * {@link #USERS} users, least recently used first out.
 */
class WritePositions {

    static final Duration RELEVANT_FOR = Duration.ofSeconds(60);
    static final int USERS = 10_000;

    private record Position(String token, String lsn, long at) {
    }

    private final LongSupplier nanoTime;
    private final Map<Long, Position> byUser = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Position> eldest) {
            return size() > USERS;
        }
    };

    WritePositions(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    synchronized void remember(long userId, String token, String lsn) {
        byUser.put(userId, new Position(token, lsn, nanoTime.getAsLong()));
    }

    synchronized void forget(long userId) {
        byUser.remove(userId);
    }

    /** Whether this instance has seen the user with this token (a new sign-in brings a new one). */
    synchronized boolean knows(long userId, String token) {
        var position = byUser.get(userId);
        return position != null && position.token().equals(token);
    }

    /** The position of the user's latest write, while it is recent enough to matter. */
    synchronized Optional<String> pending(long userId) {
        var position = byUser.get(userId);
        return position != null && nanoTime.getAsLong() - position.at() < RELEVANT_FOR.toNanos()
                ? Optional.of(position.lsn()) : Optional.empty();
    }
}

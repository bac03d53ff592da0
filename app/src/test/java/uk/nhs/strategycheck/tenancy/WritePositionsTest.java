package uk.nhs.strategycheck.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The memory of each user's latest write: by user and token, relevant for a minute, bounded. */
class WritePositionsTest {

    private final AtomicLong now = new AtomicLong();
    private final WritePositions positions = new WritePositions(now::get);

    @Test
    void aUsersPositionMattersForAMinuteAndTheirTokenIsKnownForLonger() {
        assertThat(positions.knows(1, "token")).isFalse();

        positions.remember(1, "token", "0/3000060");

        assertThat(positions.knows(1, "token")).isTrue();
        assertThat(positions.knows(1, "a later sign-in's token")).isFalse();
        assertThat(positions.pending(1)).contains("0/3000060");
        assertThat(positions.pending(2)).isEmpty();
        now.addAndGet(WritePositions.RELEVANT_FOR.toNanos() - 1);
        assertThat(positions.pending(1)).contains("0/3000060");
        now.addAndGet(1);
        assertThat(positions.pending(1)).isEmpty();
        assertThat(positions.knows(1, "token")).isTrue();
    }

    @Test
    void theLeastRecentlyUsedUserGoesFirstWhenFull() {
        for (long user = 1; user <= WritePositions.USERS; user++) {
            positions.remember(user, "token " + user, "0/1");
        }
        assertThat(positions.knows(1, "token 1")).isTrue();

        positions.remember(WritePositions.USERS + 1, "token", "0/2");

        assertThat(positions.knows(1, "token 1")).as("used just now").isTrue();
        assertThat(positions.knows(2, "token 2")).as("the least recently used").isFalse();
        assertThat(positions.knows(WritePositions.USERS + 1, "token")).isTrue();
    }

    @Test
    void aForgottenUserIsNewAgain() {
        positions.remember(1, "token", "0/1");

        positions.forget(1);

        assertThat(positions.knows(1, "token")).isFalse();
        assertThat(positions.pending(1)).isEmpty();
    }
}

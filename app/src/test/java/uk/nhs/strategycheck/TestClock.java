package uk.nhs.strategycheck;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import uk.nhs.strategycheck.shared.Dates;

/** The real clock, unless a test moves it (to after a cycle's close, say); tests move it back. */
public class TestClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return Dates.ENGLAND;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        var moved = fixed;
        return moved != null ? moved : Instant.now();
    }
}

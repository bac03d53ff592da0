package uk.nhs.strategycheck.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/** A characteristic's score: the mean of its statements' scores, to one decimal place. */
public final class Scores {

    private Scores() {
    }

    /** The mean of the given scores, ignoring unanswered (null) ones; empty if none is answered. */
    public static Optional<BigDecimal> mean(Collection<Integer> scores) {
        var answered = scores.stream().filter(Objects::nonNull).toList();
        if (answered.isEmpty()) {
            return Optional.empty();
        }
        int sum = answered.stream().mapToInt(Integer::intValue).sum();
        return Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answered.size()), 1, RoundingMode.HALF_UP));
    }
}

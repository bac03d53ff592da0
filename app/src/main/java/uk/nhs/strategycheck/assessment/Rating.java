package uk.nhs.strategycheck.assessment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * A characteristic's rating as it stands: how many of its statements are scored and, once all
 * of them are, its score (the mean, to one decimal place). A score from some statements only
 * would read as final when it is not, so there is none until every statement is scored.
 */
public record Rating(int scored, int statements, Optional<BigDecimal> score) {

    public static Rating of(Collection<Integer> statementScores) {
        int scored = (int) statementScores.stream().filter(Objects::nonNull).count();
        boolean complete = scored == statementScores.size() && scored > 0;
        return new Rating(scored, statementScores.size(), complete ? Scores.mean(statementScores) : Optional.empty());
    }

    public boolean rated() {
        return score.isPresent();
    }

    /** For example "Not rated yet: 2 of 4 statements scored". */
    public String notRatedText() {
        return "Not rated yet: " + scored + " of " + statements + " statements scored";
    }
}

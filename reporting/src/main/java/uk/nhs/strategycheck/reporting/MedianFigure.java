package uk.nhs.strategycheck.reporting;

import java.math.BigDecimal;

/**
 * A median and how many trusts it is taken over. The value is null when there is none, or when
 * the database withheld it (fewer than {@link Scores#MINIMUM_TRUSTS_FOR_A_MEDIAN} trusts, for a
 * reader who may not work out those trusts' scores).
 */
public record MedianFigure(BigDecimal value, int trusts) {

    public static final MedianFigure NONE = new MedianFigure(null, 0);

    public MedianFigure {
        value = Scores.round(value);
    }

    /**
     * Whether the value may be shown: always when there is one and the reader may see small groups
     * (an ICS leader's own screens), otherwise only over at least three trusts.
     */
    public boolean shown(boolean smallGroupsShown) {
        return value != null && trusts > 0 && (smallGroupsShown || trusts >= Scores.MINIMUM_TRUSTS_FOR_A_MEDIAN);
    }
}

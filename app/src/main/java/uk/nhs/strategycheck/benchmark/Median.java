package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import uk.nhs.strategycheck.reporting.MedianFigure;

/**
 * The median characteristic score of a group of trusts' approved assessments, and how many
 * trusts it is taken over. The group is national, a region, an ICS, a peer group (trust type
 * nationally) or an ICS's trusts of one type.
 */
public record Median(Grouping grouping, Long groupId, String trustType, long characteristicId, BigDecimal value,
                     int trusts) {

    /** The value and how many trusts it is over, rounded by the one rule the screens, CSV and PDFs share. */
    public MedianFigure figure() {
        return new MedianFigure(value, trusts);
    }

    public enum Grouping {
        NATIONAL, REGION, ICS, PEER, ICS_PEER
    }
}

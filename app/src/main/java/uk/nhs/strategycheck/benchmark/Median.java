package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;

/**
 * The median characteristic score of a group of trusts' approved assessments, and how many
 * trusts it is taken over. The group is national, a region, an ICS or a peer group (trust type).
 */
public record Median(Grouping grouping, Long groupId, String trustType, long characteristicId, BigDecimal value,
                     int trusts) {

    public enum Grouping {
        NATIONAL, REGION, ICS, PEER
    }
}

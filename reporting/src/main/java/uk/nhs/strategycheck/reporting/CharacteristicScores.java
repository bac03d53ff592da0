package uk.nhs.strategycheck.reporting;

import java.math.BigDecimal;

/**
 * One characteristic's figures for one trust: its score (null without an approved
 * assessment), its score last cycle, and the medians it is compared with (null where
 * withheld or unknown).
 */
public record CharacteristicScores(int position, String code, String name, BigDecimal score, BigDecimal previous,
                                   BigDecimal icsMedian, BigDecimal nationalMedian, BigDecimal peerMedian) {
}

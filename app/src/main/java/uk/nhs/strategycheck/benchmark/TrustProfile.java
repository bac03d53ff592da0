package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trust's approved characteristic scores in a cycle, the change since its previous
 * cycle, and the medians of its ICS, of England and of its peer group (trusts of the same
 * type). Medians a trust's own users see are withheld when taken over fewer than
 * {@link BenchmarkService#MIN_TRUSTS_FOR_A_MEDIAN} trusts, so no trust's score can be worked out.
 */
public record TrustProfile(TrustFacts trust, String icsName, String cycleName, List<String> cycleNames,
                           Optional<String> previousCycleName, boolean approved, List<Row> rows,
                           String footprintNote, List<PredecessorScores> predecessors) {

    /** A trust this one succeeded, with its own approved scores in the cycle (before the change). */
    public record PredecessorScores(String odsCode, String name, String kind, java.time.LocalDate effectiveOn,
                                    Map<Long, BigDecimal> scores) {
    }

    public record Row(Column characteristic, Optional<BigDecimal> score, Optional<BigDecimal> previous,
                      Optional<BigDecimal> ics, Optional<BigDecimal> national, Optional<BigDecimal> peer) {
    }
}

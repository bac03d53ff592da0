package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.strategycheck.reporting.MedianFigure;

/**
 * One trust's approved characteristic scores in a cycle, the change since its previous
 * cycle, and the medians of its ICS, of England and of its peer group (trusts of the same
 * type), each with the number of trusts it is over. Anonymised (a trust's own users): medians of
 * fewer than {@link BenchmarkService#MIN_TRUSTS_FOR_A_MEDIAN} trusts are withheld, so no trust's
 * score can be worked out; an ICS leader sees its own ICS's median of any size on screen.
 */
public record TrustProfile(TrustFacts trust, String icsName, String cycleName, List<String> cycleNames,
                           Optional<String> previousCycleName, boolean approved, boolean anonymised, List<Row> rows,
                           String footprintNote, List<PredecessorScores> predecessors) {

    /** A trust this one succeeded, with its own approved scores in the cycle (before the change). */
    public record PredecessorScores(String odsCode, String name, String kind, java.time.LocalDate effectiveOn,
                                    Map<Long, BigDecimal> scores) {
    }

    public record Row(Column characteristic, Optional<BigDecimal> score, Optional<BigDecimal> previous,
                      MedianFigure ics, MedianFigure national, MedianFigure peer) {
    }
}

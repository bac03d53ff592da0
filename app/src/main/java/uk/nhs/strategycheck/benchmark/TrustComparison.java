package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A trust's approved characteristic scores in a cycle beside anonymised medians: its ICS,
 * all of England, and its peer group (trusts of the same type). A median taken over fewer
 * than {@link BenchmarkService#MIN_TRUSTS_FOR_A_MEDIAN} trusts is withheld, so that nobody
 * can work out another trust's score from it.
 */
public record TrustComparison(String trustName, String trustType, String cycleName, List<String> cycleNames,
                              boolean approved, List<Row> rows) {

    public record Row(String characteristic, Optional<BigDecimal> trust, Optional<BigDecimal> ics,
                      Optional<BigDecimal> national, Optional<BigDecimal> peer) {
    }
}

package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ICS's member trusts against the characteristics, with the ICS and national medians. */
public record Heatmap(String icsName, String cycleName, List<String> cycleNames, List<Column> characteristics,
                      List<Row> trusts, Map<Long, BigDecimal> icsMedian, Map<Long, BigDecimal> nationalMedian,
                      Footprint footprint, String footprintNote, List<NamedMedian> predecessorMedians) {

    /**
     * A trust and its approved scores by characteristic id (none without an approved assessment);
     * in a past cycle shown as published, the ICS it was then part of if that was another.
     */
    public record Row(TrustFacts trust, Map<Long, BigDecimal> scores, Optional<String> publishedIn) {
    }

    /** The median of another ICS, for example one this ICS succeeded, as it was published. */
    public record NamedMedian(String label, Map<Long, BigDecimal> medians) {
    }
}

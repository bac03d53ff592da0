package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import uk.nhs.strategycheck.reporting.MedianFigure;

/**
 * Every trust of England in a cycle, in the region and ICS it is counted in (as published or
 * restated, labelled which), against the national medians: what a national admin's board pack
 * shows. Scores and medians are by characteristic id.
 */
public record England(String cycleName, List<Column> characteristics, Footprint footprint, String footprintNote,
                      Map<Long, MedianFigure> nationalMedian, List<AreaComparison.Row> regions, List<Ics> icss,
                      List<Trust> trusts) {

    /** An ICS and the region it is in. */
    public record Ics(AreaComparison.Row area, String regionName) {
    }

    /** A trust, where it is counted, its assessment's state in the cycle and its approved scores (none unless approved). */
    public record Trust(TrustFacts trust, String icsName, String regionName, SubmissionRow.State state,
                        Map<Long, BigDecimal> scores) {
    }
}

package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The ICS's member trusts against the characteristics, with the ICS and national medians. */
public record Heatmap(String icsName, String cycleName, List<String> cycleNames, List<Column> characteristics,
                      List<Row> trusts, Map<Long, BigDecimal> icsMedian, Map<Long, BigDecimal> nationalMedian) {

    /** A trust and its approved scores by characteristic id; no scores without an approved assessment. */
    public record Row(TrustFacts trust, Map<Long, BigDecimal> scores) {
    }
}

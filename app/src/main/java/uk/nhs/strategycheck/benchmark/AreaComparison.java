package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import uk.nhs.strategycheck.reporting.MedianFigure;

/**
 * A region's ICSs (or, nationally, the regions) compared: their medians per characteristic
 * (each with the number of trusts it is over) and how many of their trusts have submitted.
 */
public record AreaComparison(String title, String areaLabel, String cycleName, List<String> cycleNames,
                             List<Column> characteristics, List<Row> areas) {

    public record Row(String odsCode, String name, int trusts, int submitted, int approved,
                      Map<Long, MedianFigure> medians) {

        /** Submitted or approved, as a whole percentage of the trusts. */
        public int submissionRate() {
            return trusts == 0 ? 0 : BigDecimal.valueOf(100L * submitted)
                    .divide(BigDecimal.valueOf(trusts), 0, RoundingMode.HALF_UP).intValue();
        }
    }
}

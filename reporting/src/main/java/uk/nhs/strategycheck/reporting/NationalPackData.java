package uk.nhs.strategycheck.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything in the national board pack: every trust in England in a cycle, grouped by region
 * and ICS, against the national medians. Medians and scores are listed in the order of
 * {@code characteristics}; a null score means no approved assessment. The footprint note says
 * how trusts are grouped (as published, or restated to today's ICSs); null says nothing.
 * Null lists are read as empty. England's trusts, submitted and approved counts are the sums
 * of the regions' figures; trusts are printed grouped in the order of {@code regions}, then {@code icss}.
 */
public record NationalPackData(String cycleName, LocalDate generatedOn, String footprintNote,
                               List<Characteristic> characteristics, List<Area> regions, List<Area> icss,
                               List<Trust> trusts) {

    /** A characteristic and its national median. */
    public record Characteristic(int position, String code, String name, MedianFigure nationalMedian) {

        public Characteristic {
            nationalMedian = nationalMedian == null ? MedianFigure.NONE : nationalMedian;
        }
    }

    /**
     * A region or an ICS: how many trusts it has and how many submitted (or approved) and
     * approved, and its median for each characteristic. An ICS names its region as parent;
     * a region's parent is null.
     */
    public record Area(String odsCode, String name, String parentName, int trusts, int submitted, int approved,
                       List<MedianFigure> medians) {
    }

    /** One trust: where it sits, its assessment's status (APPROVED, DRAFT...) and its scores. */
    public record Trust(String name, String odsCode, String trustType, String icsName, String regionName,
                        String status, List<BigDecimal> scores) {
    }
}

package uk.nhs.strategycheck.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything in an ICS board pack: the member trusts' approved scores in the cycle against
 * the ICS and national medians, who has submitted, and a profile of every trust. The
 * footprint note says which organisations the figures are grouped by (as published, or
 * restated to today's ICSs), printed on the cover and in the methodology; null says nothing.
 * The strategy documents compare the member trusts' uploaded strategies, one row per trust.
 */
public record BoardPackData(String icsName, String icsOdsCode, String cycleName, String previousCycleName,
                            LocalDate generatedOn, int memberTrusts, int submitted, int approved,
                            List<CharacteristicSummary> characteristics, List<TrustProfile> trusts,
                            String footprintNote, List<StrategyDocumentRow> strategyDocuments) {

    /** A characteristic across the ICS: its ICS and national medians, each with the number of trusts it is over. */
    public record CharacteristicSummary(int position, String code, String name, MedianFigure icsMedian,
                                        MedianFigure nationalMedian) {

        public CharacteristicSummary {
            icsMedian = icsMedian == null ? MedianFigure.NONE : icsMedian;
            nationalMedian = nationalMedian == null ? MedianFigure.NONE : nationalMedian;
        }
    }

    /** One member trust: its scores against the medians, and its top actions; status is the assessment's (APPROVED, DRAFT...). */
    public record TrustProfile(String trustName, String odsCode, String trustType, String status,
                               List<CharacteristicScores> scores, List<ActionItem> topActions) {
    }
}

package uk.nhs.strategycheck.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The trust report's annex: what the trust's strategy document shows, beside the trust's own scores. */
public record StrategyDocumentSummary(String fileName, LocalDate uploadedOn, int pages,
                                      String period,         // e.g. "2024 to 2027 (3 years)", or null when the document states none
                                      String reviewCadence,  // the document's own words on review, or null
                                      String signatory,      // plain words: "Chief executive", "Chair", "The board", ..., "Not found"
                                      int priorities, int targets, int exclusions,
                                      List<Characteristic> characteristics) {

    /**
     * One characteristic: the score the document suggests, the trust's own (null when not scored), whether
     * the trust's own is 2 or more points above the document's (the service's rule, flagged in the annex), and why.
     */
    public record Characteristic(int position, String code, String name, int suggestedScore,
                                 BigDecimal ownScore, boolean ownScoreWellAbove, String rule, List<Evidence> signals) {
    }

    /** A signal the check found, with its verbatim quote and the page it is on. */
    public record Evidence(String code, boolean good, String quote, int page) {
    }
}

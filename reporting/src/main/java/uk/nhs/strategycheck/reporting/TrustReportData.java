package uk.nhs.strategycheck.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything in a trust's report. Scores are the trust's approved assessment of the cycle
 * (or, when not yet approved, its latest answers, as status says). The strategy document is
 * null when the trust uploaded none for the cycle.
 */
public record TrustReportData(String trustName, String odsCode, String trustType, String icsName, String cycleName,
                              String status, String previousCycleName, LocalDate generatedOn,
                              List<CharacteristicScores> scores, List<EvidenceItem> evidence,
                              List<ActionItem> actions, StrategyDocumentSummary strategyDocument) {
}

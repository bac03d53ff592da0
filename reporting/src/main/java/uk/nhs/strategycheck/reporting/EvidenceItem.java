package uk.nhs.strategycheck.reporting;

/** A statement's score and evidence note, as the trust recorded them. */
public record EvidenceItem(String characteristic, String statementCode, String statement, Integer score,
                           String scoreLabel, String evidence) {
}

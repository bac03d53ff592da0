package uk.nhs.strategycheck.audit;

/** A kind of action in the log, by its code and in words, for filtering. */
public record AuditAction(String code, String label) {
}

package uk.nhs.strategycheck.audit;

import java.time.Instant;
import java.util.List;

/**
 * One row of the audit log in words: who (and in which role), the organisation it concerns, the
 * action ("Approved an assessment"), what it was done to ("Assessment of ..., 2026/27") and the
 * changes field by field ("Status: Submitted → Approved"). The codes and the JSON as stored stay
 * alongside, for auditors' CSV.
 */
public record AuditEntry(long id, Instant at, String userName, String userEmail, String role, String organisation,
                         String action, String subject, List<String> changes,
                         String actionCode, String entityType, String entityId, String before, String after) {
}

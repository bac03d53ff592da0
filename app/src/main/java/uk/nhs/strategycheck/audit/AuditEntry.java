package uk.nhs.strategycheck.audit;

import java.time.Instant;

/** One row of the audit log, with the organisation it concerns named. */
public record AuditEntry(long id, Instant at, String userName, String userEmail, String role, String organisation,
                         String action, String entityType, String entityId, String before, String after) {
}

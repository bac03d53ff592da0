package uk.nhs.strategycheck.audit;

import java.time.LocalDate;

/**
 * What to look for in the audit log; empty parts match everything. Organisation and user
 * match part of an ODS code or name, and of a name or e-mail address.
 */
public record AuditFilter(String organisation, String user, String action, LocalDate from, LocalDate to) {

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null);
    }
}

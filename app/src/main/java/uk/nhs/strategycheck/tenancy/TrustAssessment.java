package uk.nhs.strategycheck.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a trust's assessment of a cycle stands, for its home page: status (DRAFT, SUBMITTED,
 * APPROVED or RETURNED), statements answered of all, any reopening, and the latest status change.
 */
public record TrustAssessment(String status, int answered, int statements, LocalDate reopenedUntil,
                              String reopenReason, Optional<StatusChange> lastChange) {

    /** A move of the assessment to a status, by whom, when and why (a return's reason). */
    public record StatusChange(String toStatus, String reason, String userName, Instant at) {
    }
}

package uk.nhs.strategycheck.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A change to the NHS's organisations recorded by an admin: its steps apply together on or after its date. */
public record OrganisationChange(long id, String title, LocalDate effectiveOn, ChangeStatus status, String source,
                                 String recordedBy, Instant recordedAt, String appliedBy, Instant appliedAt,
                                 int version, List<ChangeStep> steps) {
}

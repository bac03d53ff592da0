package uk.nhs.strategycheck.admin;

import java.time.LocalDate;

/** A trust's assessment in a cycle, as an admin sees it when reopening one. */
public record CycleAssessment(long id, long icsId, long trustId, String trustOdsCode, String trustName, String status,
                              LocalDate reopenedUntil) {
}

package uk.nhs.strategycheck.assessment;

import java.time.LocalDate;

public record ImprovementAction(long id, long characteristicId, String title, String ownerName, LocalDate dueOn,
                                ActionStatus status, int version) {
}

package uk.nhs.strategycheck.assessment;

import java.time.LocalDate;

public record ActionDraft(long characteristicId, String title, String ownerName, LocalDate dueOn, ActionStatus status) {
}

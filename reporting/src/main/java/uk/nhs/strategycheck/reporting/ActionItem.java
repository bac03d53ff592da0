package uk.nhs.strategycheck.reporting;

import java.time.LocalDate;

/** An improvement action: what, for which characteristic, who owns it, by when, and how far it has got. */
public record ActionItem(String characteristic, String title, String owner, LocalDate dueOn, String status) {
}

package uk.nhs.strategycheck.tenancy;

import java.time.LocalDate;

/** An assessment cycle, for example "2026/27", open from one date to another. */
public record CycleSummary(long id, String name, LocalDate opensOn, LocalDate closesOn) {
}

package uk.nhs.strategycheck.tenancy;

import java.time.Instant;

/** An ICS leader's reminder to a trust to complete its assessment of a cycle. */
public record Reminder(String fromName, Instant sentAt, String cycleName) {
}

package uk.nhs.strategycheck.tenancy;

/** A link to another page of the service, by its route ("assessment", "ics/submissions"). */
public record Link(String text, String route) {
}

package uk.nhs.strategycheck.tenancy;

/** One line of a home page's status: "Status", "Draft". */
public record Fact(String label, String value) {
}

package uk.nhs.strategycheck.tenancy;

/** A member trust's assessment of the cycle, in words: "Waiting for approval", "19 of 28". */
public record MemberStatus(String trustName, String odsCode, String status, String answered) {
}

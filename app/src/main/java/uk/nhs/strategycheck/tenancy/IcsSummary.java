package uk.nhs.strategycheck.tenancy;

public record IcsSummary(long id, String odsCode, String name, String regionName, int trustCount) {
}

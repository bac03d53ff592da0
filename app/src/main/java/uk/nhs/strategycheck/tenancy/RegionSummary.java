package uk.nhs.strategycheck.tenancy;

public record RegionSummary(long id, String odsCode, String name, int icsCount, int trustCount) {
}

package uk.nhs.strategycheck.benchmark;

public record TrustFacts(long id, String odsCode, String name, String trustType, long icsId, long regionId) {
}

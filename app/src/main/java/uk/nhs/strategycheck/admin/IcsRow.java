package uk.nhs.strategycheck.admin;

public record IcsRow(long id, String odsCode, String name, String shortName, String regionName, int trusts) {
}

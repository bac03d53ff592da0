package uk.nhs.strategycheck.admin;

public record RegionChoice(long id, String odsCode, String name) {
}

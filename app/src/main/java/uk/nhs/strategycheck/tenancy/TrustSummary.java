package uk.nhs.strategycheck.tenancy;

public record TrustSummary(long id, String odsCode, String name, String trustType, String organisationForm,
                           long icsId, String icsOdsCode, String icsName, String regionName) {
}

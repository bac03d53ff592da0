package uk.nhs.strategycheck.admin;

import java.time.LocalDate;

public record TrustRow(long id, String odsCode, String name, String trustType, String organisationForm,
                       String postcode, long icsId, String icsName, LocalDate closedOn, String links) {
}

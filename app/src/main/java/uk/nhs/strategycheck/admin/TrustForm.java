package uk.nhs.strategycheck.admin;

/** A trust as an admin enters it. */
public record TrustForm(Long icsId, String odsCode, String name, String trustType, String organisationForm,
                        String postcode) {
}

package uk.nhs.strategycheck.admin;

/** An ICS or trust an admin can choose, by ODS code and name. */
public record OrganisationChoice(String odsCode, String name) {

    /** For example "South East London ICS (QKK)". */
    public String label() {
        return name + " (" + odsCode + ")";
    }
}

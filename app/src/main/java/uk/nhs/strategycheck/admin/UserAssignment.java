package uk.nhs.strategycheck.admin;

import uk.nhs.strategycheck.tenancy.Role;

/** One role a user holds, and the organisation it is at, for example "Croydon Health Services NHS Trust (RJ6)". */
public record UserAssignment(long id, Role role, String organisation) {

    /** For example "Trust editor, Croydon Health Services NHS Trust (RJ6)". */
    public String label() {
        return role.label() + ", " + organisation;
    }
}

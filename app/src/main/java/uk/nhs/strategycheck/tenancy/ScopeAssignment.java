package uk.nhs.strategycheck.tenancy;

import java.io.Serializable;

/**
 * One role a user holds, with the organisation it applies to. Ids are null above the
 * assignment's level (a region admin has no ICS or trust).
 */
public record ScopeAssignment(long id, Role role,
                              Long regionId, String regionName,
                              Long icsId, String icsOdsCode, String icsName,
                              Long trustId, String trustOdsCode, String trustName) implements Serializable {

    public ScopeLevel level() {
        return role.level();
    }

    /** The organisation the role applies to, as people name it. */
    public String organisationName() {
        return switch (level()) {
            case TRUST -> trustName;
            case ICS -> icsName + " ICS";
            case REGION -> regionName + " region";
            case NATIONAL -> "All of England";
        };
    }

    /** For example "Trust editor, Guy's and St Thomas' NHS Foundation Trust (RJ1)". */
    public String label() {
        String code = switch (level()) {
            case TRUST -> " (" + trustOdsCode + ")";
            case ICS -> " (" + icsOdsCode + ")";
            default -> "";
        };
        return role.label() + ", " + organisationName() + code;
    }
}

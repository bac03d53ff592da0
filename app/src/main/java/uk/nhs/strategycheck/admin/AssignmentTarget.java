package uk.nhs.strategycheck.admin;

import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * An organisation a role can be given at: a trust, an ICS, a region, or all of England. Ids
 * are null above its level.
 */
public record AssignmentTarget(ScopeLevel level, Long regionId, Long icsId, Long trustId, String name,
                               String odsCode) {

    public static final AssignmentTarget ENGLAND =
            new AssignmentTarget(ScopeLevel.NATIONAL, null, null, null, "All of England", null);

    /** The id of the organisation at its own level (null for all of England). */
    public Long id() {
        return switch (level) {
            case TRUST -> trustId;
            case ICS -> icsId;
            case REGION -> regionId;
            case NATIONAL -> null;
        };
    }

    /** For example "Croydon Health Services NHS Trust (RJ6)", "South East London ICS (QKK)", "London region". */
    public String label() {
        return switch (level) {
            case TRUST -> name + " (" + odsCode + ")";
            case ICS -> name + " ICS (" + odsCode + ")";
            case REGION -> name + " region";
            case NATIONAL -> name;
        };
    }
}

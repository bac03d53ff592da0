package uk.nhs.strategycheck.tenancy;

/** The six roles of DESIGN.md; each is held in a scope of one level. */
public enum Role {
    TRUST_EDITOR("Trust editor", ScopeLevel.TRUST),
    TRUST_APPROVER("Trust approver", ScopeLevel.TRUST),
    TRUST_VIEWER("Trust viewer", ScopeLevel.TRUST),
    ICS_LEADER("ICS leader", ScopeLevel.ICS),
    REGION_ADMIN("Region admin", ScopeLevel.REGION),
    NATIONAL_ADMIN("National admin", ScopeLevel.NATIONAL);

    private final String label;
    private final ScopeLevel level;

    Role(String label, ScopeLevel level) {
        this.label = label;
        this.level = level;
    }

    public String label() {
        return label;
    }

    public ScopeLevel level() {
        return level;
    }
}

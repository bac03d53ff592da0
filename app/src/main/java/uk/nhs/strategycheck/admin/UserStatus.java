package uk.nhs.strategycheck.admin;

/** Where a user's account stands, as admins filter and read it. */
public enum UserStatus {
    ACTIVE("Active"),
    INVITED("Invited"),
    LOCKED("Locked"),
    DISABLED("Disabled");

    private final String label;

    UserStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package uk.nhs.strategycheck.admin;

/** Where an organisation change stands. */
public enum ChangeStatus {
    PLANNED("Planned"),
    APPLIED("Applied"),
    CANCELLED("Cancelled");

    private final String label;

    ChangeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

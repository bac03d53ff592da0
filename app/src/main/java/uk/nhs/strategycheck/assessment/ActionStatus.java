package uk.nhs.strategycheck.assessment;

public enum ActionStatus {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    DONE("Done");

    private final String label;

    ActionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package uk.nhs.strategycheck.assessment;

public enum AssessmentStatus {
    DRAFT("Draft"),
    SUBMITTED("Submitted for sign-off"),
    APPROVED("Approved"),
    RETURNED("Returned for changes");

    private final String label;

    AssessmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Answers may change only in these states. */
    public boolean isOpenForAnswers() {
        return this == DRAFT || this == RETURNED;
    }
}

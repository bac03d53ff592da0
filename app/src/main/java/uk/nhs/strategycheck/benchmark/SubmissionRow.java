package uk.nhs.strategycheck.benchmark;

import java.time.Instant;
import java.util.Optional;

/** Where a member trust's assessment of a cycle stands, and when it was last chased. */
public record SubmissionRow(TrustFacts trust, State state, Optional<Instant> lastActivity, int answered,
                            Optional<Instant> lastReminder) {

    public enum State {
        NOT_STARTED("Not started"),
        DRAFT("Draft"),
        SUBMITTED("Submitted"),
        APPROVED("Approved"),
        RETURNED("Returned");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** An assessment's status as the database names it (DRAFT, APPROVED...); none is not started. */
        public static State of(String status) {
            return status == null ? NOT_STARTED : valueOf(status);
        }

        /** Submitted for approval, or approved: counted as submitted in submission rates. */
        public boolean submitted() {
            return this == SUBMITTED || this == APPROVED;
        }

        /** Trusts still to submit can be reminded. */
        public boolean late() {
            return this == NOT_STARTED || this == DRAFT || this == RETURNED;
        }
    }
}

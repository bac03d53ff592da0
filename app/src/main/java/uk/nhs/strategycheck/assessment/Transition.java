package uk.nhs.strategycheck.assessment;

import java.time.Instant;

/** One step in the assessment's history: from which status to which, by whom, when and why. */
public record Transition(AssessmentStatus from, AssessmentStatus to, String reason, String userName, Instant at) {
}
